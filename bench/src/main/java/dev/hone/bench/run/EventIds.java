package dev.hone.bench.run;

import java.util.SplittableRandom;
import java.util.UUID;

/** Event ids for the bench's inputs as ingest writes them: random (version 4) UUIDs, here from a seeded random. */
public final class EventIds {

    private EventIds() {
    }

    /** A version 4 UUID, IETF variant, in its canonical form, from {@code random}. */
    public static String uuid(SplittableRandom random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }
}
