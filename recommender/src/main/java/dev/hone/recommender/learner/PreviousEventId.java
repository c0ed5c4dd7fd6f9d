package dev.hone.recommender.learner;

import java.util.UUID;

/**
 * The event id written or read just before, which the next id that is not a UUID shares its
 * prefix with ({@link BinaryOut}, {@link BinaryIn}). A UUID's string is made only when such an id
 * follows it; ingest's ids are all UUIDs, so it usually never is.
 */
final class PreviousEventId {

    private String text = "";
    private long msb;
    private long lsb;

    /** The previous id was the UUID with these halves. */
    void uuid(long mostSignificant, long leastSignificant) {
        text = null;
        msb = mostSignificant;
        lsb = leastSignificant;
    }

    /** The previous id was {@code id} (none: the empty string). */
    void text(String id) {
        text = id;
    }

    /** The previous id as text. */
    String text() {
        if (text == null) {
            text = new UUID(msb, lsb).toString();
        }
        return text;
    }
}
