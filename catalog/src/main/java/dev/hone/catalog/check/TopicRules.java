package dev.hone.catalog.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.check.FileChecks.Item;
import dev.hone.catalog.check.TopicMap.TopicEntry;
import dev.hone.catalog.yaml.YamlDocument;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for topics.yaml: tracks, areas, topics, prerequisites (a DAG) and track weights. */
final class TopicRules {

    static final String FILE = "topics.yaml";

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z][a-z0-9]*\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> ROOT_FIELDS = ordered("tracks", "areas", "topics");
    private static final Set<String> NAMED_FIELDS = ordered("id", "name");
    private static final Set<String> TOPIC_FIELDS = ordered("id", "area", "name", "description", "prerequisites", "weights");

    private final FileChecks checks;

    private TopicRules(FileChecks checks) {
        this.checks = checks;
    }

    /** Checks topics.yaml and returns what it declares, as far as it could be read. */
    static TopicMap check(YamlDocument document, List<Problem> problems) {
        return new TopicRules(new FileChecks(document, problems)).check(document.root());
    }

    private TopicMap check(JsonNode root) {
        if (!root.isObject()) {
            checks.report("", "topics.yaml must be a mapping with tracks, areas and topics");
            return new TopicMap(Set.of(), Set.of(), Map.of());
        }
        checks.onlyFields(root, "", ROOT_FIELDS, "topics.yaml");
        Set<String> tracks = namedIds(root, "tracks", "track");
        Set<String> areas = namedIds(root, "areas", "area");
        Map<String, TopicEntry> topics = new LinkedHashMap<>();
        List<Item> items = checks.items(root, "", "topics", "topics.yaml");
        if (items.isEmpty()) {
            checks.report("", "topics.yaml declares no topics");
        }
        for (Item item : items) {
            TopicEntry topic = topic(item, areas);
            if (topic == null) {
                continue;
            }
            TopicEntry first = topics.putIfAbsent(topic.id(), topic);
            if (first != null) {
                checks.reportAtLine(topic.line(), "duplicate topic id '" + topic.id() + "' (first at line " + first.line() + ")");
            }
        }
        for (Item item : items) {
            weights(item, tracks);
        }
        prerequisites(topics);
        return new TopicMap(tracks, areas, topics);
    }

    private Set<String> namedIds(JsonNode root, String field, String what) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Integer> lines = new HashMap<>();
        List<Item> items = checks.items(root, "", field, "topics.yaml");
        if (items.isEmpty()) {
            checks.report("", "topics.yaml declares no " + field);
        }
        for (Item item : items) {
            if (!item.node().isObject()) {
                checks.report(item.pointer(), what + " must be a mapping with id and name");
                continue;
            }
            checks.onlyFields(item.node(), item.pointer(), NAMED_FIELDS, what);
            String id = checks.text(item.node(), item.pointer(), "id", what);
            checks.text(item.node(), item.pointer(), "name", what + " " + (id == null ? "" : id));
            if (id == null) {
                continue;
            }
            int line = checks.document().line(item.pointer());
            if (!SLUG.matcher(id).matches()) {
                checks.report(item.pointer(), what + " id '" + id + "' is not a lower-case slug (like data-ml)");
            }
            if (!ids.add(id)) {
                checks.report(item.pointer(), "duplicate " + what + " id '" + id + "' (first at line " + lines.get(id) + ")");
            }
            lines.putIfAbsent(id, line);
        }
        return ids;
    }

    private TopicEntry topic(Item item, Set<String> areas) {
        JsonNode node = item.node();
        String at = item.pointer();
        if (!node.isObject()) {
            checks.report(at, "a topic must be a mapping with " + String.join(", ", TOPIC_FIELDS));
            return null;
        }
        checks.onlyFields(node, at, TOPIC_FIELDS, "topic");
        String id = checks.text(node, at, "id", "topic");
        String what = "topic " + (id == null ? "" : id);
        String area = checks.text(node, at, "area", what);
        checks.text(node, at, "name", what);
        checks.text(node, at, "description", what);
        List<String> prerequisites = checks.strings(node, at, "prerequisites", what);
        if (id == null) {
            return null;
        }
        if (!TOPIC_ID.matcher(id).matches()) {
            checks.report(at, "topic id '" + id + "' is not stable: expected <area>.<slug>, like core.gil");
        }
        if (area != null && !areas.contains(area)) {
            checks.report(YamlDocument.child(at, "area"), what + ": unknown area '" + area + "'");
        } else if (area != null && !id.startsWith(area + ".")) {
            checks.report(at, "topic id '" + id + "' must start with its area '" + area + ".'");
        }
        return new TopicEntry(id, checks.document().line(at), area, prerequisites);
    }

    private void weights(Item item, Set<String> tracks) {
        JsonNode node = item.node();
        if (!node.isObject() || !node.hasNonNull("id")) {
            return;
        }
        String what = "topic " + node.get("id").asText();
        String at = YamlDocument.child(item.pointer(), "weights");
        JsonNode weights = node.get("weights");
        if (weights == null || weights.isNull()) {
            checks.report(item.pointer(), what + " has no weights (one per track, 0 to 1)");
            return;
        }
        if (!weights.isObject()) {
            checks.report(at, what + ": weights must map each track to a number from 0 to 1");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = weights.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> weight = fields.next();
            String track = weight.getKey();
            JsonNode value = weight.getValue();
            if (!tracks.contains(track)) {
                checks.report(YamlDocument.child(at, track), what + ": weight for unknown track '" + track + "'");
            } else if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                checks.report(YamlDocument.child(at, track), what + ": weight " + value.asText() + " for track "
                        + track + " is not a number from 0 to 1");
            }
        }
        for (String track : tracks) {
            if (!weights.has(track)) {
                checks.report(at, what + " has no weight for track " + track);
            }
        }
    }

    private void prerequisites(Map<String, TopicEntry> topics) {
        LinkedHashMap<String, List<String>> edges = new LinkedHashMap<>();
        for (TopicEntry topic : topics.values()) {
            edges.put(topic.id(), topic.prerequisites());
            Set<String> seen = new LinkedHashSet<>();
            for (String prerequisite : topic.prerequisites()) {
                if (!topics.containsKey(prerequisite)) {
                    checks.reportAtLine(topic.line(), "topic " + topic.id() + ": unknown prerequisite '" + prerequisite + "'");
                } else if (!seen.add(prerequisite)) {
                    checks.reportAtLine(topic.line(), "topic " + topic.id() + ": prerequisite '" + prerequisite + "' is listed twice");
                }
            }
        }
        for (List<String> cycle : PrerequisiteGraph.cycles(edges)) {
            checks.reportAtLine(topics.get(cycle.get(0)).line(), "prerequisite cycle: " + String.join(" -> ", cycle));
        }
    }

    static Set<String> ordered(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
