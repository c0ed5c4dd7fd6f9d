package dev.hone.catalog;

import java.util.List;
import java.util.Map;

/**
 * A topic of the map. {@code prerequisites} are topic ids to practise first (a DAG);
 * {@code weights} say how much each track needs the topic, 0 to 1.
 */
public record Topic(String id, String area, String name, String description,
                    List<String> prerequisites, Map<String, Double> weights) {

    public Topic {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    /** The topic's weight in a track, 0 when the track does not name it. */
    public double weightIn(String trackId) {
        return weights.getOrDefault(trackId, 0.0);
    }
}
