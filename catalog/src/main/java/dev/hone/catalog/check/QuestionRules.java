package dev.hone.catalog.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.QuestionKind;
import dev.hone.catalog.check.FileChecks.Item;
import dev.hone.catalog.yaml.YamlDocument;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for one {@code questions/<topicId>.yaml} file (catalog/FORMAT.md). Kind-specific
 * rules are in {@link KindRules}; this class checks what every question has.
 */
final class QuestionRules {

    static final int MIN_DIFFICULTY = 1;
    static final int MAX_DIFFICULTY = 5;

    private static final Set<String> ROOT_FIELDS = TopicRules.ordered("topic", "questions");
    private static final Set<String> QUESTION_FIELDS = TopicRules.ordered("id", "topic", "kind", "difficulty", "version",
            "tracks", "secondaryTopics", "stem", "code", "options", "answer", "rubric", "explanation", "references");
    private static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*");

    private final FileChecks checks;
    private final String topic;
    private final TopicMap topics;
    private final Map<String, String> seenIds;
    private final KindRules kindRules;

    private QuestionRules(FileChecks checks, String topic, TopicMap topics, Map<String, String> seenIds,
                          List<Snippet> snippets) {
        this.checks = checks;
        this.topic = topic;
        this.topics = topics;
        this.seenIds = seenIds;
        this.kindRules = new KindRules(checks, snippets);
    }

    /**
     * Checks a question file of topic {@code topic}. {@code seenIds} maps each question id met so
     * far in the bank to where it stands, so ids are unique across files. Returns the number of
     * questions found; the code_output snippets are added to {@code snippets}.
     */
    static int check(YamlDocument document, String topic, TopicMap topics, Map<String, String> seenIds,
                     List<Problem> problems, List<Snippet> snippets) {
        return new QuestionRules(new FileChecks(document, problems), topic, topics, seenIds, snippets)
                .check(document.root());
    }

    private int check(JsonNode root) {
        if (!root.isObject()) {
            checks.report("", "a question file must be a mapping with topic and questions");
            return 0;
        }
        checks.onlyFields(root, "", ROOT_FIELDS, "a question file");
        String declared = checks.text(root, "", "topic", "the file");
        if (declared != null && !declared.equals(topic)) {
            checks.report("/topic", "topic '" + declared + "' does not match the file name (expected '" + topic + "')");
        }
        List<Item> questions = checks.items(root, "", "questions", "the file");
        if (questions.isEmpty()) {
            checks.report("", "the file has no questions");
        }
        for (Item question : questions) {
            question(question.pointer(), question.node());
        }
        return questions.size();
    }

    private void question(String at, JsonNode q) {
        if (!q.isObject()) {
            checks.report(at, "a question must be a mapping (id, kind, difficulty, ...)");
            return;
        }
        checks.onlyFields(q, at, QUESTION_FIELDS, "a question");
        String id = id(at, q);
        String label = id == null ? "question" : id;
        if (q.hasNonNull("topic") && !topic.equals(q.get("topic").asText())) {
            checks.report(YamlDocument.child(at, "topic"), label + ": topic '" + q.get("topic").asText()
                    + "' differs from the file's topic '" + topic + "'");
        }
        number(q, at, "difficulty", label, MIN_DIFFICULTY, MAX_DIFFICULTY);
        number(q, at, "version", label, 1, Integer.MAX_VALUE);
        tracks(q, at, label);
        secondaryTopics(q, at, label);
        markdown(q, at, "stem", label);
        markdown(q, at, "explanation", label);
        references(q, at, label);
        QuestionKind kind = kind(q, at, label);
        if (kind != null) {
            kindRules.check(kind, q, at, label);
        }
    }

    private String id(String at, JsonNode q) {
        String id = checks.text(q, at, "id", "question");
        if (id == null) {
            return null;
        }
        if (!id.matches(Pattern.quote(topic) + "\\.q\\d{2,}")) {
            checks.report(YamlDocument.child(at, "id"), id + ": id is not stable: expected " + topic
                    + ".qNN (the file's topic and a number, like " + topic + ".q07)");
        }
        String here = checks.document().file() + ":" + checks.document().line(at);
        String first = seenIds.putIfAbsent(id, here);
        if (first != null) {
            checks.report(YamlDocument.child(at, "id"), "duplicate question id '" + id + "' (first at " + first + ")");
        }
        return id;
    }

    private QuestionKind kind(JsonNode q, String at, String label) {
        String kind = checks.text(q, at, "kind", label);
        if (kind == null) {
            return null;
        }
        try {
            return QuestionKind.fromId(kind);
        } catch (IllegalArgumentException e) {
            checks.report(YamlDocument.child(at, "kind"), label + ": " + e.getMessage());
            return null;
        }
    }

    private void number(JsonNode q, String at, String field, String label, int min, int max) {
        JsonNode node = q.get(field);
        if (node == null || node.isNull()) {
            checks.report(at, label + " has no " + field);
        } else if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            String range = max == Integer.MAX_VALUE ? "a whole number from " + min + " up" : "a whole number from " + min + " to " + max;
            checks.report(YamlDocument.child(at, field), label + ": " + field + " " + node.asText() + " is not " + range);
        }
    }

    private void tracks(JsonNode q, String at, String label) {
        List<String> tracks = checks.strings(q, at, "tracks", label);
        if (tracks.isEmpty()) {
            checks.report(at, label + " names no tracks (one or more of " + String.join(", ", topics.tracks()) + ")");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String track : tracks) {
            if (!topics.tracks().contains(track)) {
                checks.report(YamlDocument.child(at, "tracks"), label + ": unknown track '" + track + "'");
            } else if (!seen.add(track)) {
                checks.report(YamlDocument.child(at, "tracks"), label + ": track '" + track + "' is listed twice");
            }
        }
    }

    private void secondaryTopics(JsonNode q, String at, String label) {
        Set<String> seen = new LinkedHashSet<>();
        for (String secondary : checks.strings(q, at, "secondaryTopics", label)) {
            String where = YamlDocument.child(at, "secondaryTopics");
            if (!topics.hasTopic(secondary)) {
                checks.report(where, label + ": unknown secondary topic '" + secondary + "'");
            } else if (secondary.equals(topic)) {
                checks.report(where, label + ": secondary topic '" + secondary + "' is the question's own topic");
            } else if (!seen.add(secondary)) {
                checks.report(where, label + ": secondary topic '" + secondary + "' is listed twice");
            }
        }
    }

    private void markdown(JsonNode q, String at, String field, String label) {
        String text = checks.text(q, at, field, label);
        if (text != null) {
            String where = YamlDocument.child(at, field);
            MarkdownFences.check(text).ifPresent(broken -> checks.reportAtLine(
                    checks.document().textLine(where, broken.line()), label + ": " + field + ": " + broken.message()));
        }
    }

    private void references(JsonNode q, String at, String label) {
        List<String> references = checks.strings(q, at, "references", label);
        String where = YamlDocument.child(at, "references");
        if (references.isEmpty()) {
            checks.report(at, label + " has no references (1 or 2 links to authoritative documentation)");
        } else if (references.size() > 2) {
            checks.report(where, label + ": " + references.size() + " references; give 1 or 2");
        }
        for (int i = 0; i < references.size(); i++) {
            if (!URL.matcher(references.get(i)).matches()) {
                checks.report(YamlDocument.child(where, i), label + ": reference '" + references.get(i) + "' is not an http(s) URL");
            }
        }
    }
}
