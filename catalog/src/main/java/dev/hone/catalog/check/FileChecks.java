package dev.hone.catalog.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.yaml.YamlDocument;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Shape checks shared by topics.yaml and the question files; problems point at lines of one document. */
final class FileChecks {

    private final YamlDocument document;
    private final List<Problem> problems;

    FileChecks(YamlDocument document, List<Problem> problems) {
        this.document = document;
        this.problems = problems;
        document.duplicateKeys().forEach(key -> problems.add(new Problem(document.file(), key.line(),
                "duplicate key '" + key.name() + "' (first at line " + key.firstLine() + ")")));
    }

    YamlDocument document() {
        return document;
    }

    void report(String pointer, String message) {
        problems.add(new Problem(document.file(), document.line(pointer), message));
    }

    void reportAtLine(int line, String message) {
        problems.add(new Problem(document.file(), line, message));
    }

    /** Fields a loader would reject, or silently ignore: either way a typo loses data. */
    void onlyFields(JsonNode object, String pointer, Set<String> allowed, String what) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                report(YamlDocument.child(pointer, name),
                        "unknown field '" + name + "' in " + what + " (expected one of " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** A non-blank string field, or null after reporting what is missing or wrong. */
    String text(JsonNode object, String pointer, String field, String what) {
        JsonNode node = object.get(field);
        String at = YamlDocument.child(pointer, field);
        if (node == null || node.isNull()) {
            report(pointer, what + " has no " + field);
            return null;
        }
        if (!node.isValueNode()) {
            report(at, what + ": " + field + " must be text");
            return null;
        }
        String value = document.rawText(at, node);
        if (value.isBlank()) {
            report(at, what + ": " + field + " is empty");
            return null;
        }
        return value;
    }

    /** A list of strings (absent means empty); reports items that are not strings. */
    List<String> strings(JsonNode object, String pointer, String field, String what) {
        JsonNode node = object.get(field);
        String at = YamlDocument.child(pointer, field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            report(at, what + ": " + field + " must be a list");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isValueNode() && !item.isNull()) {
                values.add(document.rawText(YamlDocument.child(at, i), item));
            } else {
                report(YamlDocument.child(at, i), what + ": " + field + " must hold plain values");
            }
        }
        return values;
    }

    /** Items of a list field as (pointer, node) pairs; absent means none, a non-list is reported. */
    List<Item> items(JsonNode object, String pointer, String field, String what) {
        JsonNode node = object.get(field);
        String at = YamlDocument.child(pointer, field);
        List<Item> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            report(at, what + ": " + field + " must be a list");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            items.add(new Item(YamlDocument.child(at, i), node.get(i)));
        }
        return items;
    }

    /** A node at a pointer. */
    record Item(String pointer, JsonNode node) {
    }
}
