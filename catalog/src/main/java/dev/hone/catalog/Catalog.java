package dev.hone.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The loaded question bank: tracks, areas, topics and questions, looked up by id. Immutable. */
public final class Catalog {

    private final List<Track> tracks;
    private final List<Area> areas;
    private final Map<String, Topic> topics;
    private final Map<String, Question> questions;
    private final Map<String, List<Question>> questionsByTopic;

    public Catalog(List<Track> tracks, List<Area> areas, List<Topic> topics, List<Question> questions) {
        this.tracks = List.copyOf(tracks);
        this.areas = List.copyOf(areas);
        this.topics = Collections.unmodifiableMap(topics.stream()
                .collect(Collectors.toMap(Topic::id, t -> t, (a, b) -> a, LinkedHashMap::new)));
        this.questions = Collections.unmodifiableMap(questions.stream()
                .collect(Collectors.toMap(Question::id, q -> q, (a, b) -> a, LinkedHashMap::new)));
        Map<String, List<Question>> byTopic = new LinkedHashMap<>();
        for (Topic topic : topics) {
            byTopic.put(topic.id(), questions.stream().filter(q -> topic.id().equals(q.topic())).toList());
        }
        this.questionsByTopic = Collections.unmodifiableMap(byTopic);
    }

    /** The bank shipped in this jar. */
    public static Catalog bundled() {
        return CatalogLoader.fromClasspath();
    }

    public List<Track> tracks() {
        return tracks;
    }

    public List<Area> areas() {
        return areas;
    }

    public Collection<Topic> topics() {
        return topics.values();
    }

    public Collection<Question> questions() {
        return questions.values();
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(id == null ? null : topics.get(id));
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(id == null ? null : questions.get(id));
    }

    public List<Question> questionsOf(String topicId) {
        return questionsByTopic.getOrDefault(topicId, List.of());
    }

    public boolean hasTrack(String trackId) {
        return tracks.stream().anyMatch(t -> t.id().equals(trackId));
    }
}
