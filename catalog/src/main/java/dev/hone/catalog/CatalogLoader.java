package dev.hone.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hone.catalog.yaml.YamlDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bank from YAML: {@code topics.yaml} and one {@code questions/<topicId>.yaml} per
 * topic. Question files are found through the topic list, so loading from a jar needs no
 * directory listing. Unknown fields are errors: a typo must not silently drop a key.
 */
public final class CatalogLoader {

    public static final String CLASSPATH_ROOT = "catalog/";

    // Duplicate keys are errors too: YAML would keep the last one and hide an edit.
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CatalogLoader() {
    }

    public static ObjectMapper yamlMapper() {
        return YAML;
    }

    /** Loads the bank shipped on the classpath under {@code catalog/}. */
    public static Catalog fromClasspath() {
        ClassLoader loader = CatalogLoader.class.getClassLoader();
        return load(name -> loader.getResourceAsStream(CLASSPATH_ROOT + name));
    }

    /** Loads a bank from a folder laid out like {@code src/main/resources/catalog}. */
    public static Catalog fromDirectory(Path root) {
        return load(name -> {
            Path file = root.resolve(name);
            return Files.exists(file) ? Files.newInputStream(file) : null;
        });
    }

    private static Catalog load(Source source) {
        TopicsFile topicsFile = read(source, "topics.yaml", TopicsFile.class);
        if (topicsFile == null) {
            throw new CatalogException("topics.yaml", 0, "not found");
        }
        // Files are parsed in parallel (YAML parsing is most of the load time); the list keeps
        // topic order, so the catalog's order does not depend on scheduling.
        List<List<Question>> perTopic = topicsFile.topics().parallelStream().map(topic -> {
            QuestionsFile file = read(source, questionFileOf(topic.id()), QuestionsFile.class);
            return file == null ? List.<Question>of() : file.questions().stream().map(q -> q.withTopic(topic.id())).toList();
        }).toList();
        List<Question> questions = new ArrayList<>();
        perTopic.forEach(questions::addAll);
        return new Catalog(topicsFile.tracks(), topicsFile.areas(), topicsFile.topics(), questions);
    }

    public static String questionFileOf(String topicId) {
        return "questions/" + topicId + ".yaml";
    }

    private static <T> T read(Source source, String name, Class<T> type) {
        String text;
        try (InputStream in = source.open(name)) {
            if (in == null) {
                return null;
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException(name, 0, "cannot be read: " + e.getMessage(), e);
        }
        try {
            return YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new CatalogException(name, lineOf(name, text, e), reason, e);
        }
    }

    /**
     * Jackson reports a record's field errors at the end of the record (records are built once
     * all their fields are read), so a field error is located by its path instead.
     */
    private static int lineOf(String name, String text, JsonProcessingException e) {
        int reported = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        YamlDocument document;
        try {
            document = YamlDocument.parse(name, text);
        } catch (YamlDocument.SyntaxError syntaxError) {
            return reported;
        }
        if (!document.duplicateKeys().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            return document.duplicateKeys().get(0).line();
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return reported;
        }
        String pointer = "";
        for (JsonMappingException.Reference step : mapping.getPath()) {
            pointer = step.getFieldName() != null ? YamlDocument.child(pointer, step.getFieldName())
                    : YamlDocument.child(pointer, step.getIndex());
        }
        return document.line(pointer);
    }

    @FunctionalInterface
    private interface Source {
        InputStream open(String name) throws IOException;
    }

    /** The layout of topics.yaml. */
    public record TopicsFile(List<Track> tracks, List<Area> areas, List<Topic> topics) {
        public TopicsFile {
            tracks = tracks == null ? List.of() : tracks;
            areas = areas == null ? List.of() : areas;
            topics = topics == null ? List.of() : topics;
        }
    }

    /** The layout of a questions/&lt;topic&gt;.yaml file. */
    public record QuestionsFile(String topic, List<Question> questions) {
        public QuestionsFile {
            questions = questions == null ? List.of() : questions;
        }
    }

    /** The bank could not be read; the message is {@code file:line: reason} (line 0 when unknown). */
    public static final class CatalogException extends UncheckedIOException {
        private final String file;
        private final int line;
        private final String reason;

        public CatalogException(String message) {
            this("", 0, message);
        }

        public CatalogException(String file, int line, String reason) {
            this(file, line, reason, null);
        }

        public CatalogException(String file, int line, String reason, IOException cause) {
            super(file + ":" + line + ": " + reason, cause == null ? new IOException(reason) : cause);
            this.file = file;
            this.line = line;
            this.reason = reason;
        }

        /** The file relative to the bank root, like {@code questions/core.gil.yaml}. */
        public String file() {
            return file;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }
}
