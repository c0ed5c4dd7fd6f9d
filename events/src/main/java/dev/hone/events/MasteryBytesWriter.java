package dev.hone.events;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * {@link MasteryChanged} as the JSON bytes {@link MasteryJsonSerde} writes, put straight into a byte array when every
 * string is plain printable ASCII (ids, as ingest checks them) and the mastery a finite number; anything else (a string
 * Jackson would escape, a year outside 0000-9999) is left to Jackson's generator: {@link #write} returns null. The
 * strings are checked as they are copied, in one pass.
 *
 * <p>Why: the recommender writes one of these per topic of every answer, and the generator's per-field calls were most
 * of what writing one cost in the bench's profile. The numbers come from the functions Jackson's generator calls
 * ({@link NumberOutput} with the fast double writer that {@link EventJson} enables), so the bytes are the same.
 */
final class MasteryBytesWriter {

    private static final byte[] SCHEMA = ascii("{\"schema\":");
    private static final byte[] LEARNER_ID = ascii(",\"learnerId\":");
    private static final byte[] TOPIC_ID = ascii(",\"topicId\":");
    private static final byte[] MASTERY = ascii(",\"mastery\":");
    private static final byte[] ANSWERS = ascii(",\"answers\":");
    private static final byte[] CORRECT = ascii(",\"correct\":");
    private static final byte[] CAUSED_BY = ascii(",\"causedBy\":");
    private static final byte[] AT = ascii(",\"at\":");
    private static final int NAMES = SCHEMA.length + LEARNER_ID.length + TOPIC_ID.length + MASTERY.length + ANSWERS.length
            + CORRECT.length + CAUSED_BY.length + AT.length + 1;

    private MasteryBytesWriter() {
    }

    /** The event's JSON bytes, or null when Jackson has to write it. */
    static byte[] write(MasteryChanged m) {
        if (!Double.isFinite(m.mastery())) {
            return null;
        }
        String at = null;
        if (m.at() != null) {
            at = UtcInstantText.format(m.at());
            if (at == null) {
                return null;
            }
        }
        String schema = Integer.toString(m.schema());
        String mastery = NumberOutput.toString(m.mastery(), true);
        String answers = Long.toString(m.answers());
        String correct = Long.toString(m.correct());
        byte[] out = new byte[NAMES + schema.length() + mastery.length() + answers.length() + correct.length()
                + quotedLength(m.learnerId()) + quotedLength(m.topicId()) + quotedLength(m.causedBy()) + quotedLength(at)];
        int i = put(out, 0, SCHEMA);
        i = putText(out, i, schema);
        i = putQuoted(out, put(out, i, LEARNER_ID), m.learnerId());
        if (i < 0) {
            return null;
        }
        i = putQuoted(out, put(out, i, TOPIC_ID), m.topicId());
        if (i < 0) {
            return null;
        }
        i = putText(out, put(out, i, MASTERY), mastery);
        i = putText(out, put(out, i, ANSWERS), answers);
        i = putText(out, put(out, i, CORRECT), correct);
        i = putQuoted(out, put(out, i, CAUSED_BY), m.causedBy());
        if (i < 0) {
            return null;
        }
        i = putQuoted(out, put(out, i, AT), at);
        out[i] = '}';
        return out;
    }

    private static int quotedLength(String s) {
        return s == null ? 4 : s.length() + 2;
    }

    /** {@code s} in quotes, or null; -1 when {@code s} has a character JSON escapes or that is not printable ASCII. */
    private static int putQuoted(byte[] out, int i, String s) {
        if (s == null) {
            return putText(out, i, "null");
        }
        out[i++] = '"';
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return -1;
            }
            out[i++] = (byte) c;
        }
        out[i++] = '"';
        return i;
    }

    /** {@code s}, ASCII, a byte a char. */
    private static int putText(byte[] out, int i, String s) {
        for (int k = 0; k < s.length(); k++) {
            out[i++] = (byte) s.charAt(k);
        }
        return i;
    }

    private static int put(byte[] out, int i, byte[] bytes) {
        System.arraycopy(bytes, 0, out, i, bytes.length);
        return i + bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
