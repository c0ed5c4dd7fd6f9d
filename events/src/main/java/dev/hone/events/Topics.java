package dev.hone.events;

import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/** Hone's Kafka topics. Names carry a version: an incompatible contract gets a new topic. */
public final class Topics {

    public static final String ANSWERS_NAME = "hone.answers.v1";
    public static final String MASTERY_NAME = "hone.mastery.v1";
    public static final String ITEMS_NAME = "hone.items.v1";
    public static final String LEARNERS_NAME = "hone.learners.v1";
    public static final String DLQ_NAME = "hone.dlq.v1";

    /** Answers, keyed by learnerId. */
    public static final Topic<String, AnswerRecorded> ANSWERS =
            new Topic<>(ANSWERS_NAME, Serdes.String(), new AnswerJsonSerde());

    /** Mastery changes, keyed by learnerId. */
    public static final Topic<String, MasteryChanged> MASTERY =
            new Topic<>(MASTERY_NAME, Serdes.String(), new MasteryJsonSerde());

    /** Item statistics and calibrated difficulty keyed by questionId (compacted: the latest per question counts). */
    public static final Topic<String, ItemStatistics> ITEMS =
            new Topic<>(ITEMS_NAME, Serdes.String(), JsonSerde.of(ItemStatistics.class));

    /** Learner profiles keyed by learnerId (compacted); a null value is an erasure tombstone. */
    public static final Topic<String, LearnerProfile> LEARNERS =
            new Topic<>(LEARNERS_NAME, Serdes.String(), JsonSerde.of(LearnerProfile.class));

    /** Every topic `./hone up` creates, with whether it is compacted. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(ANSWERS_NAME, false),
            new TopicSpec(MASTERY_NAME, false),
            new TopicSpec(ITEMS_NAME, true),
            new TopicSpec(LEARNERS_NAME, true),
            new TopicSpec(DLQ_NAME, false));

    private Topics() {
    }

    /** How a topic is created. */
    public record TopicSpec(String name, boolean compacted) {
    }
}
