package dev.hone.catalog.cli;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;
import dev.hone.catalog.Track;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a bank, in the shape {@code hone catalog stats --json} prints:
 * {@code {topics, questions, byTopic, byKind, byDifficulty, byTrack}}. A question counts once for
 * each track it lists.
 */
public record BankStats(int topics, int questions, Map<String, Integer> byTopic, Map<String, Integer> byKind,
                        Map<String, Integer> byDifficulty, Map<String, Integer> byTrack) {

    public static BankStats of(Catalog catalog) {
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        for (Topic topic : catalog.topics()) {
            byTopic.put(topic.id(), catalog.questionsOf(topic.id()).size());
        }
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byDifficulty = new TreeMap<>();
        Map<String, Integer> byTrack = new LinkedHashMap<>();
        catalog.tracks().stream().map(Track::id).forEach(t -> byTrack.put(t, 0));
        for (Question q : catalog.questions()) {
            byKind.merge(q.kind() == null ? "?" : q.kind().id(), 1, Integer::sum);
            byDifficulty.merge(String.valueOf(q.difficulty()), 1, Integer::sum);
            q.tracks().forEach(t -> byTrack.merge(t, 1, Integer::sum));
        }
        return new BankStats(catalog.topics().size(), catalog.questions().size(), byTopic, byKind, byDifficulty, byTrack);
    }

    /** The plain-text table {@code hone catalog stats} prints. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(questions).append(" questions in ").append(topics).append(" topics\n");
        section(out, "by topic", byTopic);
        section(out, "by kind", byKind);
        section(out, "by difficulty", byDifficulty);
        section(out, "by track", byTrack);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts) {
        out.append('\n').append(title).append(":\n");
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        counts.forEach((key, count) -> out.append("  ").append(String.format("%-" + width + "s %5d%n", key, count)));
    }
}
