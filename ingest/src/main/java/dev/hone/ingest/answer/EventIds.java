package dev.hone.ingest.answer;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for answers sent without an {@code eventId}, as unguessable as
 * {@link UUID#randomUUID()}'s but without its one generator for the whole JVM: on Linux that is a
 * NativePRNG whose draws all pass one static lock, and a batch's request threads queued on it
 * (3% of the batch path's samples). Each thread draws from its own DRBG (NIST SP 800-90A, seeded
 * by the JDK from the system's entropy).
 */
final class EventIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(EventIds::newGenerator);

    private EventIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40); // version 4: random
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80); // the IETF variant
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (bytes[i] & 0xff);
            low = low << 8 | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(); // a JDK without DRBG (before 9) is not one Hone runs on; stay correct anyway
        }
    }
}
