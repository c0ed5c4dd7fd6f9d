package dev.hone.recommender.streams;

import dev.hone.events.AnswerRecorded;
import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * Applies one answer to its learner's state, emits the topics' new mastery and passes the
 * accepted answer on to the item side, re-keyed by question. A resent
 * answer (an event id seen before) changes nothing; a record that cannot be read goes to the
 * dead-letter topic with the reason.
 */
class LearnerProcessor implements Processor<String, byte[], String, Object> {

    private final Deserializer<AnswerRecorded> answers = Topics.ANSWERS.valueSerde().deserializer();
    private final LearnerEngine engine;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, LearnerState> store;

    LearnerProcessor(LearnerEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(RecommenderTopology.LEARNER_STORE);
    }

    @Override
    public void process(org.apache.kafka.streams.processor.api.Record<String, byte[]> record) {
        AnswerRecorded answer;
        try {
            answer = answers.deserialize(Topics.ANSWERS_NAME, record.value());
        } catch (SerializationException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        String problem = problemWith(record.key(), answer);
        if (problem != null) {
            deadLetter(record, problem);
            return;
        }
        LearnerState state = store.get(record.key());
        if (state == null) {
            state = LearnerState.empty();
        }
        if (state.hasSeen(answer.eventId())) {
            return;
        }
        Instant at = answer.answeredAt() != null ? answer.answeredAt() : Instant.ofEpochMilli(record.timestamp());
        LearnerEngine.Applied applied = engine.applyAnswer(state, answer.eventId(), answer.questionId(), answer.skills(),
                answer.difficulty(), answer.score(), answer.correct(), at.getEpochSecond());
        LearnerState next = applied.state();
        store.put(record.key(), next);
        // Only accepted answers (past the event-id check above) reach the item side: that is what
        // keeps a resend from counting twice in the item statistics as well.
        var forItem = new ItemAnswer(answer.eventId(), answer.questionId(),
                answer.topicId() != null ? answer.topicId() : answer.skills().get(0), answer.difficulty(),
                answer.score(), answer.correct(), answer.responseMs(), applied.predicted(), at);
        context.forward(record.withKey(answer.questionId()).withValue((Object) forItem)
                .withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders()), RecommenderTopology.ITEM_ANSWERS_SINK);
        for (String skill : answer.skills()) {
            var tally = next.tally(skill);
            var change = new MasteryChanged(MasteryChanged.SCHEMA, record.key(), skill,
                    engine.mastery(next, skill, at.getEpochSecond()).mean(), tally.answers(), tally.correct(), answer.eventId(), at);
            context.forward(record.withValue((Object) change).withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders()),
                    RecommenderTopology.MASTERY_SINK);
        }
    }

    private static String problemWith(String key, AnswerRecorded answer) {
        if (answer == null) {
            return "empty value";
        }
        if (answer.schema() != AnswerRecorded.SCHEMA) {
            return "unsupported schema version " + answer.schema() + " (expected " + AnswerRecorded.SCHEMA + ")";
        }
        if (key == null || !key.equals(answer.learnerId())) {
            return "record key '" + key + "' does not match learnerId '" + answer.learnerId() + "'";
        }
        if (answer.eventId() == null || answer.questionId() == null || answer.skills().isEmpty()) {
            return "eventId, questionId and skills are required";
        }
        if (!(answer.score() >= 0 && answer.score() <= 1)) {
            return "score " + answer.score() + " is outside [0, 1]";
        }
        return null;
    }

    private void deadLetter(org.apache.kafka.streams.processor.api.Record<String, byte[]> record, String reason) {
        var headers = DeadLetters.headers(record.headers(), reason, context.recordMetadata());
        context.forward(record.withValue((Object) record.value()).withHeaders(headers), RecommenderTopology.DLQ_SINK);
    }
}
