package dev.hone.catalog.check;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the question files are checked against: the tracks and topics topics.yaml declares. */
record TopicMap(Set<String> tracks, Set<String> areas, Map<String, TopicEntry> topics) {

    TopicMap {
        tracks = new LinkedHashSet<>(tracks);
        areas = new LinkedHashSet<>(areas);
        topics = new LinkedHashMap<>(topics);
    }

    boolean hasTopic(String id) {
        return topics.containsKey(id);
    }

    /** A topic as declared, with the line it starts on. */
    record TopicEntry(String id, int line, String area, List<String> prerequisites) {
    }
}
