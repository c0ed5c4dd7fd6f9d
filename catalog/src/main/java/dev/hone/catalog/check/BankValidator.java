package dev.hone.catalog.check;

import dev.hone.catalog.CatalogLoader;
import dev.hone.catalog.check.SnippetRunner.PythonMissingException;
import dev.hone.catalog.check.TopicMap.TopicEntry;
import dev.hone.catalog.yaml.YamlDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code hone catalog check}: validates a bank folder (laid out like src/main/resources/catalog)
 * against catalog/FORMAT.md and runs its code_output snippets. Every problem is reported as
 * {@code file:line: message} with the file relative to the bank root.
 */
public final class BankValidator {

    private final CheckOptions options;

    public BankValidator(CheckOptions options) {
        this.options = options;
    }

    public CheckReport check(Path root) {
        long started = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        List<Snippet> snippets = new ArrayList<>();
        Map<String, YamlDocument> files = readQuestionFiles(root, problems);
        Optional<YamlDocument> topicsFile = read(root, TopicRules.FILE, problems);
        if (topicsFile.isEmpty()) {
            return new CheckReport(problems, 0, 0, 0, "not run", elapsedSince(started));
        }
        TopicMap topics = TopicRules.check(topicsFile.get(), problems);
        int questions = checkQuestionFiles(files, topics, problems, snippets);
        String python = "not run (--no-run)";
        int run = 0;
        if (options.runSnippets()) {
            try {
                SnippetRunner runner = SnippetRunner.locate(options.python(), options.timeout());
                python = runner.describe();
                problems.addAll(new SnippetCheck(runner, options.workers()).check(snippets));
                run = snippets.size();
            } catch (PythonMissingException e) {
                python = "no python3";
                problems.add(new Problem(TopicRules.FILE, 0, "cannot check the " + snippets.size()
                        + " code_output keys: " + e.getMessage() + " (install python3 or pass --no-run)"));
            }
        }
        if (problems.isEmpty()) {
            loadAsTheAppDoes(root, problems);
        }
        return new CheckReport(problems, topics.topics().size(), questions, run, python, elapsedSince(started));
    }

    private int checkQuestionFiles(Map<String, YamlDocument> files, TopicMap topics, List<Problem> problems,
                                   List<Snippet> snippets) {
        Map<String, String> seenIds = new HashMap<>();
        int questions = 0;
        for (TopicEntry topic : topics.topics().values()) {
            String name = CatalogLoader.questionFileOf(topic.id());
            YamlDocument file = files.get(name);
            if (file != null) {
                questions += QuestionRules.check(file, topic.id(), topics, seenIds, problems, snippets);
            } else if (!files.containsKey(name)) {
                problems.add(new Problem(TopicRules.FILE, topic.line(), "topic " + topic.id() + " has no question file " + name));
            }
        }
        for (String name : files.keySet()) {
            String topic = name.substring("questions/".length()).replaceFirst("\\.yaml$", "");
            if (!name.endsWith(".yaml") || !topics.hasTopic(topic)) {
                problems.add(new Problem(name, 1, "not a question file: question files are named <topicId>.yaml after a topic in topics.yaml"));
            }
        }
        return questions;
    }

    /** Every file in questions/, parsed; a file that is not valid YAML maps to null. */
    private static Map<String, YamlDocument> readQuestionFiles(Path root, List<Problem> problems) {
        Map<String, YamlDocument> files = new TreeMap<>();
        Path folder = root.resolve("questions");
        if (!Files.isDirectory(folder)) {
            return files;
        }
        Set<String> names = new TreeSet<>();
        try (Stream<Path> paths = Files.list(folder)) {
            paths.filter(Files::isRegularFile).forEach(p -> names.add("questions/" + p.getFileName()));
        } catch (IOException e) {
            problems.add(new Problem("questions", 0, "cannot list the folder: " + e.getMessage()));
        }
        for (String name : names) {
            files.put(name, read(root, name, problems).orElse(null));
        }
        return files;
    }

    private static Optional<YamlDocument> read(Path root, String name, List<Problem> problems) {
        Path file = root.resolve(name);
        if (!Files.exists(file)) {
            problems.add(new Problem(name, 0, "not found in " + root));
            return Optional.empty();
        }
        try {
            return Optional.of(YamlDocument.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (YamlDocument.SyntaxError e) {
            problems.add(new Problem(e.file(), e.line(), e.reason()));
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "cannot be read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** A last guard: a bank that passes every rule must also load through CatalogLoader. */
    private static void loadAsTheAppDoes(Path root, List<Problem> problems) {
        try {
            CatalogLoader.fromDirectory(root);
        } catch (CatalogLoader.CatalogException e) {
            problems.add(new Problem(e.file(), e.line(), "the loader rejects the bank: " + e.reason()));
        }
    }

    private static Duration elapsedSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
