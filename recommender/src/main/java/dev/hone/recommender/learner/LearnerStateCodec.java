package dev.hone.recommender.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner state's binary form, as stored in RocksDB and its changelog: read and written whole
 * for every answer, so its size and cost are paid per record (it replaced JSON, ~4x larger and the
 * most expensive step of the learner side in the bench's profile). Plain Java; the store's serde
 * ({@code streams.BinarySerde}) picks this form or the JSON written before by the first byte.
 *
 * <p>Version 1, after the version byte:
 * <pre>
 *   byte    flags: 1 model present, 2 cohort present, 4 placement log present (null = predates placement)
 *   bytes   model (varint length, the model library's bytes as they are)      if flag 1
 *   string  track; string cohort                                               (cohort if flag 2)
 *   varint  topics, sorted by id; each: string topic id, varint answers, varint correct, number scoreSum,
 *           signed varint lastEpochSeconds minus the previous topic's, float recentResidual, float offset,
 *           float offsetVariance (4 bytes each)
 *   varint  placement answers; each: string question id, number score         if flag 4
 *   varint  recent questions; each a string
 *   varint  recent event ids; each an event id
 * </pre>
 * Strings, numbers and event ids as {@link BinaryOut} writes them. Every value reads back equal,
 * doubles bit for bit, except the policy's per-topic figures: the residual (a moving average of
 * prediction errors in [-1, 1]) and the topic's offset and its variance (logits), which only order
 * the policy's topics; they keep a float's 24 bits (relative error below 1e-7) as the model keeps
 * its own figures, 12 bytes a topic instead of 24.
 * A record that cannot be read throws {@link IllegalArgumentException} naming the field.
 */
public final class LearnerStateCodec {

    /** The first byte of the binary form (JSON begins with '{'). */
    public static final int VERSION = 1;
    private static final int HAS_MODEL = 1;
    private static final int HAS_COHORT = 2;
    private static final int HAS_PLACEMENT = 4;

    private LearnerStateCodec() {
    }

    public static byte[] encode(LearnerState state) {
        int flags = (state.model() != null ? HAS_MODEL : 0) | (state.cohort() != null ? HAS_COHORT : 0)
                | (state.placement() != null ? HAS_PLACEMENT : 0);
        BinaryOut out = BinaryOut.reused().writeByte(VERSION).writeByte(flags);
        if (state.model() != null) {
            out.writeBytes(state.model());
        }
        out.writeString(state.track());
        if (state.cohort() != null) {
            out.writeString(state.cohort());
        }
        out.writeVarLong(state.topics().size());
        long previousEpoch = 0;
        // sorted, so that neighbouring topic ids share their prefix ("advanced.")
        for (Map.Entry<String, TopicTally> e : sortedByTopic(state.topics())) {
            TopicTally t = e.getValue();
            out.writeString(e.getKey()).writeVarLong(t.answers()).writeVarLong(t.correct()).writeNumber(t.scoreSum())
                    .writeSignedVarLong(t.lastEpochSeconds() - previousEpoch).writeFloat(t.recentResidual().floatValue())
                    .writeFloat(t.offset().floatValue()).writeFloat(t.offsetVariance().floatValue());
            previousEpoch = t.lastEpochSeconds();
        }
        if (state.placement() != null) {
            out.writeVarLong(state.placement().size());
            for (PlacedAnswer p : state.placement()) {
                out.writeString(p.questionId()).writeNumber(p.score());
            }
        }
        out.writeVarLong(state.recentQuestions().size());
        state.recentQuestions().forEach(out::writeString);
        RecentEventIds eventIds = RecentEventIds.of(state.recentEventIds());
        out.writeVarLong(eventIds.size());
        for (int i = 0; i < eventIds.size(); i++) {
            if (eventIds.isUuid(i)) {
                out.writeUuidEventId(eventIds.msb(i), eventIds.lsb(i));
            } else {
                out.writeEventId(eventIds.get(i));
            }
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, TopicTally>[] sortedByTopic(Map<String, TopicTally> topics) {
        Map.Entry<String, TopicTally>[] entries = topics.entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(entries, Map.Entry.comparingByKey());
        return entries;
    }

    /** The state from its binary form, version byte included. */
    public static LearnerState decode(byte[] data) {
        if (data.length == 0 || data[0] != VERSION) {
            throw new IllegalArgumentException("format byte " + (data.length == 0 ? "missing" : Integer.toString(data[0] & 0xFF))
                    + " is not binary version " + VERSION);
        }
        return new Reading(new BinaryIn(data, 1)).state();
    }

    /** One record being read; {@code field} names where a failure happened. */
    private static final class Reading {
        private final BinaryIn in;
        private String field = "flags";

        Reading(BinaryIn in) {
            this.in = in;
        }

        LearnerState state() {
            try {
                int flags = in.readByte();
                field = "model";
                byte[] model = (flags & HAS_MODEL) != 0 ? in.readBytes() : null;
                field = "track";
                String track = in.readString();
                field = "cohort";
                String cohort = (flags & HAS_COHORT) != 0 ? in.readString() : null;
                field = "topics";
                Map<String, TopicTally> topics = topics();
                field = "placement";
                List<PlacedAnswer> placement = (flags & HAS_PLACEMENT) != 0 ? placement() : null;
                field = "recentQuestions";
                List<String> questions = strings();
                field = "recentEventIds";
                List<String> eventIds = eventIds();
                if (!in.atEnd()) {
                    throw new IllegalArgumentException("bytes left after the last field");
                }
                return new LearnerState(model, topics, questions, eventIds, track, cohort, placement);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + field + ": " + e.getMessage(), e);
            }
        }

        private Map<String, TopicTally> topics() {
            int n = in.readSize();
            Map<String, TopicTally> topics = new LinkedHashMap<>(n * 2);
            long epoch = 0;
            for (int i = 0; i < n; i++) {
                String id = in.readString();
                long answers = in.readVarLong();
                long correct = in.readVarLong();
                double scoreSum = in.readNumber();
                epoch += in.readSignedVarLong();
                double residual = in.readFloat();
                double offset = in.readFloat();
                double offsetVariance = in.readFloat();
                topics.put(id, new TopicTally(answers, scoreSum, correct, epoch, residual, offset, offsetVariance));
            }
            return topics;
        }

        private List<PlacedAnswer> placement() {
            int n = in.readSize();
            List<PlacedAnswer> log = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                log.add(new PlacedAnswer(in.readString(), in.readNumber()));
            }
            return log;
        }

        private List<String> strings() {
            int n = in.readSize();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(in.readString());
            }
            return out;
        }

        private RecentEventIds eventIds() {
            int n = in.readSize();
            var ids = new RecentEventIds.Builder(n);
            for (int i = 0; i < n; i++) {
                in.readEventId(ids);
            }
            return ids.build();
        }
    }
}
