package dev.hone.catalog.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds the cycles in the topics' prerequisites, which must form a DAG. */
final class PrerequisiteGraph {

    private enum Mark { VISITING, DONE }

    private final Map<String, List<String>> edges;
    private final Map<String, Mark> marks = new HashMap<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final Set<String> seenCycles = new HashSet<>();
    private final List<List<String>> cycles = new ArrayList<>();

    private PrerequisiteGraph(Map<String, List<String>> edges) {
        this.edges = edges;
    }

    /**
     * Each cycle once, as the path that closes it ({@code a, b, a}), starting at the topic that
     * comes first in {@code edges}' order; prerequisites that are not topics are ignored here.
     */
    static List<List<String>> cycles(LinkedHashMap<String, List<String>> edges) {
        PrerequisiteGraph graph = new PrerequisiteGraph(edges);
        for (String topic : edges.keySet()) {
            graph.visit(topic);
        }
        return graph.cycles;
    }

    private void visit(String topic) {
        Mark mark = marks.get(topic);
        if (mark == Mark.DONE) {
            return;
        }
        if (mark == Mark.VISITING) {
            recordCycleEndingAt(topic);
            return;
        }
        marks.put(topic, Mark.VISITING);
        path.addLast(topic);
        for (String next : edges.getOrDefault(topic, List.of())) {
            if (edges.containsKey(next)) {
                visit(next);
            }
        }
        path.removeLast();
        marks.put(topic, Mark.DONE);
    }

    private void recordCycleEndingAt(String topic) {
        List<String> cycle = new ArrayList<>();
        boolean inCycle = false;
        for (String step : path) {
            inCycle |= step.equals(topic);
            if (inCycle) {
                cycle.add(step);
            }
        }
        if (seenCycles.add(new TreeSet<>(cycle).toString())) {
            cycle.add(topic);
            cycles.add(cycle);
        }
    }
}
