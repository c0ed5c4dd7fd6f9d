package dev.hone.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MasteryJsonSerdeTests {

    private final MasteryJsonSerde serde = new MasteryJsonSerde();
    private final JsonSerde<MasteryChanged> reference = JsonSerde.of(MasteryChanged.class);

    @Test
    void writesTheBytesDataBindingWritesAndReadsThemBack() {
        writesAsDataBinding("ab.z09-_:\"\\\n\u00e9\u4e2d ", 8);
    }

    /** Plain ASCII ids (what ingest accepts), written straight to bytes without Jackson's generator. */
    @Test
    void writesPlainIdsAsDataBindingDoes() {
        int direct = writesAsDataBinding("abz.09-_:/ ~{}", 9);
        assertThat(direct).as("written without the generator").isGreaterThan(10_000);
    }

    /** Checks 20,000 random events; returns how many {@link MasteryBytesWriter} wrote. */
    private int writesAsDataBinding(String alphabet, long seed) {
        var random = new SplittableRandom(seed);
        int direct = 0;
        for (int i = 0; i < 20_000; i++) {
            Instant at = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> Instant.ofEpochSecond(random.nextLong(-400_000_000_000L, 400_000_000_000L), random.nextInt(1_000_000_000));
                default -> Instant.ofEpochSecond(random.nextLong(1_700_000_000L, 1_900_000_000L), random.nextInt(1000) * 1_000_000);
            };
            var change = new MasteryChanged(random.nextInt(3), text(random, alphabet), text(random, alphabet),
                    random.nextBoolean() ? random.nextDouble() : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL),
                    random.nextLong(), random.nextLong(0, 1000), text(random, alphabet), at);

            byte[] bytes = serde.serialize(Topics.MASTERY_NAME, change);
            direct += MasteryBytesWriter.write(change) != null ? 1 : 0;

            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(new String(reference.serialize(Topics.MASTERY_NAME, change), StandardCharsets.UTF_8));
            assertThat(serde.deserialize(Topics.MASTERY_NAME, bytes)).isEqualTo(change);
        }
        return direct;
    }

    private static String text(SplittableRandom random, String alphabet) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        var text = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
