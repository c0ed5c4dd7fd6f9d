package dev.hone.recommender.learner;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Topic;
import dev.hone.model.IdIndex;
import dev.hone.model.Params;
import dev.hone.model.registry.LearnerModels;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Makes {@link LearnerEngine}s that share parameters and the catalog. Topic ids map to the
 * model's skill numbers in the catalog's order; stored states refer to those numbers, so new
 * topics must be appended to topics.yaml, never inserted.
 */
public final class LearnerEngines {

    public static final String BUNDLED_PARAMS = "model/hone-params.properties";

    private final Params params;
    private final String modelName;
    private final Catalog catalog;

    public LearnerEngines(Params params, String modelName, Catalog catalog) {
        this.params = params;
        this.modelName = modelName;
        this.catalog = catalog;
    }

    /** The question bank the engines' items come from. */
    public Catalog catalog() {
        return catalog;
    }

    public LearnerEngine create() {
        IdIndex topics = new IdIndex();
        for (Topic topic : catalog.topics()) {
            topics.intern(topic.id());
        }
        var model = LearnerModels.create(modelName, params, topics);
        return new LearnerEngine(model, topics, LearnerModels.items(modelName, params, new IdIndex()));
    }

    /** Parameters from {@code file}, or the bundled defaults when {@code file} is null or blank. */
    public static Params loadParams(String file) {
        try {
            if (file != null && !file.isBlank()) {
                return Params.load(Path.of(file));
            }
            try (InputStream in = LearnerEngines.class.getClassLoader().getResourceAsStream(BUNDLED_PARAMS)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED_PARAMS + " is missing from the classpath");
                }
                Properties props = new Properties();
                try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    props.load(reader);
                }
                Params params = new Params();
                props.stringPropertyNames().forEach(k -> params.put(k, props.getProperty(k)));
                return params;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read learner model parameters from " + (file == null ? BUNDLED_PARAMS : file), e);
        }
    }

}
