package dev.hone.bench.jmh;

import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.JsonSerde;
import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerStateCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The serdes on the hot path: the answer event (ingest writes it, every consumer reads it) and the stored learner state
 * (its binary form, as stored, and the JSON it was stored as before, for comparison).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerdeBenchmark {

    /** The learner's answers so far: a new learner, a session's worth, a full resend window (256 event ids). */
    @Param({"3", "30", "256"})
    int history;

    private final JsonSerde<LearnerState> stateSerde = JsonSerde.of(LearnerState.class);
    private AnswerRecorded answer;
    private byte[] answerBytes;
    private LearnerState state;
    private byte[] stateBytes;
    private byte[] stateBinary;

    @Setup
    public void setUp() {
        Question q = List.copyOf(Learners.CATALOG.questions()).get(17);
        Instant now = Instant.now();
        answer = new AnswerRecorded(AnswerRecorded.SCHEMA, "0f8fad5b-d9cb-469f-a165-70867728950e", "learner-42", q.id(), q.topic(), q.skills(),
                q.kind().id(), q.difficulty(), List.of("a"), null, true, 1, now.minusSeconds(30), 12_000, now);
        answerBytes = Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, answer);
        state = Learners.withHistory(Learners.engines().create(), history, now.getEpochSecond());
        stateBytes = stateSerde.serialize("", state);
        stateBinary = LearnerStateCodec.encode(state);
    }

    @Benchmark
    public byte[] answerToJson() {
        return Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, answer);
    }

    @Benchmark
    public AnswerRecorded answerFromJson() {
        return Topics.ANSWERS.valueSerde().deserializer().deserialize(Topics.ANSWERS_NAME, answerBytes);
    }

    @Benchmark
    public byte[] learnerStateToJson() {
        return stateSerde.serialize("", state);
    }

    @Benchmark
    public LearnerState learnerStateFromJson() {
        return stateSerde.deserialize("", stateBytes);
    }

    @Benchmark
    public byte[] learnerStateToBinary() {
        return LearnerStateCodec.encode(state);
    }

    @Benchmark
    public LearnerState learnerStateFromBinary() {
        return LearnerStateCodec.decode(stateBinary);
    }
}
