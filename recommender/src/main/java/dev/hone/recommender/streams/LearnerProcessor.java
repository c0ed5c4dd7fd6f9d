package dev.hone.recommender.streams;

import dev.hone.events.AnswerChecks;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Applies one answer to its learner's state, emits the topics' new mastery and adds the
 * accepted answer to its question's pending delta, which a wall-clock punctuator sends to the
 * item side every {@code itemFlushInterval} ({@link PendingItemDeltas}). A resent
 * answer (an event id seen before) changes nothing; a record that cannot be read goes to the
 * dead-letter topic with the reason.
 */
class LearnerProcessor implements Processor<String, byte[], String, Object> {

    private final Deserializer<AnswerRecorded> answers = Topics.ANSWERS.valueSerde().deserializer();
    private final LearnerEngine engine;
    private final Predicate<String> knownQuestion;
    private final Duration itemFlushInterval;
    private ProcessorContext<String, Object> context;
    private PendingItemDeltas itemDeltas;
    private Cancellable itemFlush;
    private KeyValueStore<String, LearnerState> store;
    private KeyValueStore<String, Long> erased;

    LearnerProcessor(LearnerEngine engine, Predicate<String> knownQuestion, Duration itemFlushInterval) {
        this.engine = engine;
        this.knownQuestion = knownQuestion;
        this.itemFlushInterval = itemFlushInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(RecommenderTopology.LEARNER_STORE);
        this.erased = context.getStateStore(RecommenderTopology.ERASED_STORE);
        this.itemDeltas = context.getStateStore(RecommenderTopology.ITEM_DELTAS_STORE);
        itemDeltas.load();
        // wall-clock, not stream time: a quiet partition still sends what it holds
        this.itemFlush = context.schedule(itemFlushInterval, PunctuationType.WALL_CLOCK_TIME,
                now -> itemDeltas.send(context, RecommenderTopology.ITEM_ANSWERS_SINK, now));
    }

    @Override
    public void close() {
        // A task revived after an error (exactly-once) keeps its punctuation queue and calls init again:
        // without this it would flush twice per interval.
        if (itemFlush != null) {
            itemFlush.cancel();
        }
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
        String problem = AnswerChecks.problemWith(record.key(), answer, knownQuestion);
        if (problem != null) {
            deadLetter(record, problem);
            return;
        }
        Long erasedAt = erased.get(record.key());
        Instant recorded = answer.recordedAt() != null ? answer.recordedAt() : Instant.ofEpochMilli(record.timestamp());
        if (erasedAt != null && recorded.toEpochMilli() <= erasedAt) {
            return; // recorded before its learner was erased: in flight at the erasure, not to be applied after it
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
        itemDeltas.add(new ItemAnswer(answer.eventId(), answer.questionId(),
                answer.topicId() != null ? answer.topicId() : answer.skills().get(0), answer.difficulty(),
                answer.score(), answer.correct(), answer.responseMs(), applied.predicted(), at),
                context, RecommenderTopology.ITEM_ANSWERS_SINK, record.timestamp());
        var view = applied.view(); // the model's state after the answer, for all the answer's topics
        for (String skill : answer.skills()) {
            var tally = next.tally(skill);
            var change = new MasteryChanged(MasteryChanged.SCHEMA, record.key(), skill,
                    view.masteryDetail(skill).mean(), tally.answers(), tally.correct(), answer.eventId(), at);
            context.forward(record.withValue((Object) change).withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders()),
                    RecommenderTopology.MASTERY_SINK);
        }
    }

    private void deadLetter(org.apache.kafka.streams.processor.api.Record<String, byte[]> record, String reason) {
        var headers = DeadLetters.headers(record.headers(), reason, context.recordMetadata());
        context.forward(record.withValue((Object) record.value()).withHeaders(headers), RecommenderTopology.DLQ_SINK);
    }
}
