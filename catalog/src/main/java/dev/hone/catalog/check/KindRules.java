package dev.hone.catalog.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.QuestionKind;
import dev.hone.catalog.check.FileChecks.Item;
import dev.hone.catalog.yaml.YamlDocument;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules that depend on a question's kind: options and keys, code snippets, rubrics. */
final class KindRules {

    static final int MIN_OPTIONS = 3;
    static final int MAX_OPTIONS = 6;
    static final int MIN_RUBRIC = 3;
    static final int MAX_RUBRIC = 5;

    private static final Set<String> OPTION_FIELDS = TopicRules.ordered("id", "text", "why");
    private static final Set<String> RUBRIC_FIELDS = TopicRules.ordered("id", "text");

    private final FileChecks checks;
    private final List<Snippet> snippets;

    KindRules(FileChecks checks, List<Snippet> snippets) {
        this.checks = checks;
        this.snippets = snippets;
    }

    void check(QuestionKind kind, JsonNode q, String at, String label) {
        notFor(kind, q, at, label, "code", kind == QuestionKind.CODE_OUTPUT,
                "only code_output questions have code; put code for other kinds in a fenced block of the stem");
        notFor(kind, q, at, label, "options", kind.hasOptions(), "only choice questions have options");
        notFor(kind, q, at, label, "rubric", kind == QuestionKind.SELF_ASSESSED, "only self_assessed questions have a rubric");
        notFor(kind, q, at, label, "answer", kind != QuestionKind.SELF_ASSESSED, "self_assessed questions have a rubric, not an answer");
        switch (kind) {
            case SINGLE_CHOICE, MULTI_CHOICE -> choice(kind, q, at, label);
            case CODE_OUTPUT -> codeOutput(q, at, label);
            case SELF_ASSESSED -> rubric(q, at, label);
        }
    }

    private void notFor(QuestionKind kind, JsonNode q, String at, String label, String field, boolean allowed, String why) {
        if (!allowed && q.has(field) && !q.get(field).isNull()) {
            checks.report(YamlDocument.child(at, field), label + ": a " + kind.id() + " question has no " + field + " (" + why + ")");
        }
    }

    private void choice(QuestionKind kind, JsonNode q, String at, String label) {
        List<Item> options = checks.items(q, at, "options", label);
        String where = YamlDocument.child(at, "options");
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            checks.report(options.isEmpty() ? at : where, label + ": " + options.size() + " options; a choice question has "
                    + MIN_OPTIONS + " to " + MAX_OPTIONS);
        }
        Set<String> ids = optionIds(options, label);
        Set<String> key = key(kind, q, at, label, ids);
        if (key.isEmpty()) {
            return;
        }
        if (kind == QuestionKind.MULTI_CHOICE && key.containsAll(ids)) {
            checks.report(YamlDocument.child(at, "answer"), label + ": every option is in the key; a multi_choice question needs at least one distractor");
        }
        for (Item option : options) {
            JsonNode id = option.node().get("id");
            JsonNode why = option.node().get("why");
            boolean distractor = id != null && !key.contains(id.asText());
            if (distractor && (why == null || why.isNull() || why.asText().isBlank())) {
                checks.report(option.pointer(), label + ": option " + id.asText()
                        + " is a distractor without a why (say what misconception it stands for)");
            }
        }
    }

    private Set<String> optionIds(List<Item> options, String label) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            Item option = options.get(i);
            if (!option.node().isObject()) {
                checks.report(option.pointer(), label + ": an option must be a mapping with id, text and (for a distractor) why");
                continue;
            }
            checks.onlyFields(option.node(), option.pointer(), OPTION_FIELDS, "an option");
            String id = checks.text(option.node(), option.pointer(), "id", label + ": option " + (i + 1));
            String text = checks.text(option.node(), option.pointer(), "text", label + ": option " + (id == null ? i + 1 : id));
            if (id == null) {
                continue;
            }
            String same = text == null ? null : texts.putIfAbsent(text.strip(), id);
            if (same != null) {
                checks.report(option.pointer(), label + ": option " + id + " has the same text as option " + same);
            }
            String expected = String.valueOf((char) ('a' + i));
            if (!ids.add(id)) {
                checks.report(option.pointer(), label + ": option id '" + id + "' is used twice");
            } else if (!id.equals(expected)) {
                checks.report(option.pointer(), label + ": option id '" + id + "' should be '" + expected + "' (ids run a, b, c, ... in order)");
            }
        }
        return ids;
    }

    /** The keyed option ids if the key is well formed, else empty after reporting why. */
    private Set<String> key(QuestionKind kind, JsonNode q, String at, String label, Set<String> ids) {
        JsonNode answer = q.get("answer");
        String where = YamlDocument.child(at, "answer");
        if (answer == null || answer.isNull()) {
            checks.report(at, label + " has no answer (the key)");
            return Set.of();
        }
        Set<String> key = new LinkedHashSet<>();
        if (kind == QuestionKind.SINGLE_CHOICE) {
            if (!answer.isValueNode()) {
                checks.report(where, label + ": a single_choice answer is one option id; use multi_choice for several");
                return Set.of();
            }
            key.add(answer.asText());
        } else {
            if (!answer.isArray() || answer.size() < 2) {
                checks.report(where, label + ": a multi_choice answer is a list of 2 or more option ids");
                return Set.of();
            }
            for (JsonNode item : answer) {
                if (!key.add(item.asText())) {
                    checks.report(where, label + ": answer names option " + item.asText() + " twice");
                }
            }
        }
        for (String id : key) {
            if (!ids.contains(id)) {
                checks.report(where, label + ": answer names option '" + id + "', which the question does not have");
                return Set.of();
            }
        }
        return key;
    }

    private void codeOutput(JsonNode q, String at, String label) {
        String code = checks.text(q, at, "code", label);
        if (code != null && code.lines().anyMatch(line -> line.strip().startsWith("```"))) {
            checks.report(YamlDocument.child(at, "code"), label + ": code is plain Python; it has no ``` fences");
            code = null;
        }
        JsonNode answer = q.get("answer");
        String where = YamlDocument.child(at, "answer");
        if (answer == null || answer.isNull()) {
            checks.report(at, label + " has no answer (what the snippet prints, or raises: ExceptionName)");
        } else if (!answer.isValueNode()) {
            checks.report(where, label + ": a code_output answer is the printed text (a block scalar for several lines), not a list");
        } else if (code != null) {
            String key = checks.document().rawText(where, answer);
            snippets.add(new Snippet(checks.document().file(), checks.document().line(where), label, code, key));
        }
    }

    private void rubric(JsonNode q, String at, String label) {
        List<Item> points = checks.items(q, at, "rubric", label);
        if (points.size() < MIN_RUBRIC || points.size() > MAX_RUBRIC) {
            checks.report(points.isEmpty() ? at : YamlDocument.child(at, "rubric"), label + ": " + points.size()
                    + " rubric points; a self_assessed question has " + MIN_RUBRIC + " to " + MAX_RUBRIC);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Item point : points) {
            if (!point.node().isObject()) {
                checks.report(point.pointer(), label + ": a rubric point must be a mapping with id and text");
                continue;
            }
            checks.onlyFields(point.node(), point.pointer(), RUBRIC_FIELDS, "a rubric point");
            String id = checks.text(point.node(), point.pointer(), "id", label + ": a rubric point");
            checks.text(point.node(), point.pointer(), "text", label + ": rubric point " + (id == null ? "" : id));
            if (id != null && !ids.add(id)) {
                checks.report(point.pointer(), label + ": rubric point id '" + id + "' is used twice");
            }
        }
    }
}
