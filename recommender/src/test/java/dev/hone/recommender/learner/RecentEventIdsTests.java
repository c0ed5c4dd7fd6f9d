package dev.hone.recommender.learner;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventIdsTests {

    private static final String UUID_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void idsOfEveryShapeReadBackAsTheyWereAndAreFound() {
        var random = new SplittableRandom(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(switch (random.nextInt(6)) {
                case 0, 1 -> new UUID(random.nextLong(), random.nextLong()).toString();
                case 2 -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(); // not canonical: kept as text
                case 3 -> UUID_ID.substring(0, random.nextInt(36)) + "x" + i; // shares a prefix with a UUID before it
                case 4 -> "e" + i;
                default -> "évènement-" + i + "-\uD83D\uDE00";
            });
        }
        var state = new LearnerState(null, Map.of(), List.of(), ids);

        LearnerState read = LearnerStateCodec.decode(LearnerStateCodec.encode(state));

        assertThat(read.recentEventIds()).containsExactlyElementsOf(ids);
        assertThat(read.recentEventIds()).isEqualTo(ids).hasSameHashCodeAs(ids);
        assertThat(ids).allMatch(read::hasSeen);
    }

    @Test
    void anIdIsNotFoundUnlessItIsThereExactly() {
        UUID seen = UUID.fromString(UUID_ID);

        var state = new LearnerState(null, Map.of(), List.of(), List.of(UUID_ID, "e1"));

        assertThat(state.hasSeen(UUID_ID)).isTrue();
        assertThat(state.hasSeen("e1")).isTrue();
        assertThat(state.hasSeen(UUID_ID.toUpperCase())).isFalse();
        assertThat(state.hasSeen(new UUID(seen.getMostSignificantBits(), seen.getLeastSignificantBits() ^ 1).toString())).isFalse();
        assertThat(state.hasSeen("e2")).isFalse();
    }

    @Test
    void theWindowKeepsTheLastIdsUpToItsSize() {
        var window = RecentEventIds.EMPTY;
        for (int i = 0; i < 10; i++) {
            window = window.append(i % 2 == 0 ? "e" + i : new UUID(0, i).toString(), 4);
        }
        assertThat(window).containsExactly("e6", new UUID(0, 7).toString(), "e8", new UUID(0, 9).toString());
    }

    @Test
    void appendingToWindowsOfEveryMixKeepsTheSameIdsAsAPlainList() {
        var random = new SplittableRandom(17);
        for (int round = 0; round < 300; round++) {
            int mix = round % 3; // 0: only UUIDs, 1: only other ids, 2: both
            int max = 1 + random.nextInt(12);
            RecentEventIds window = RecentEventIds.EMPTY;
            List<String> plain = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                boolean uuid = mix == 0 || (mix == 2 && random.nextBoolean());
                String id = uuid ? new UUID(random.nextLong(), random.nextLong()).toString() : "e" + round + "-" + i;
                window = window.append(id, max);
                plain.add(id);
                if (plain.size() > max) {
                    plain.remove(0);
                }
                assertThat(window).as("round %d after %d ids", round, i + 1).containsExactlyElementsOf(plain);
                assertThat(window.contains(id)).isTrue();
            }
        }
    }

    @Test
    void windowsOfOnlyUuidsOrOnlyOtherIdsFindTheirsAndNothingElse() {
        var uuids = RecentEventIds.EMPTY;
        var others = RecentEventIds.EMPTY;
        for (int i = 0; i < 6; i++) {
            uuids = uuids.append(new UUID(i, i).toString(), 4);
            others = others.append("e" + i, 4);
        }

        assertThat(uuids).containsExactly(new UUID(2, 2).toString(), new UUID(3, 3).toString(), new UUID(4, 4).toString(),
                new UUID(5, 5).toString());
        assertThat(others).containsExactly("e2", "e3", "e4", "e5");
        assertThat(uuids.contains(new UUID(5, 5).toString())).isTrue();
        assertThat(uuids.contains(new UUID(1, 1).toString())).isFalse();
        assertThat(uuids.contains("e5")).isFalse();
        assertThat(others.contains("e5")).isTrue();
        assertThat(others.contains(new UUID(5, 5).toString())).isFalse();
        assertThat(RecentEventIds.EMPTY.contains("e1")).isFalse();
    }

    @Test
    void theStoredBytesAreTheFormatsUuidsAsSixteenBytesOthersAsASharedPrefixAndTheRest() {
        var state = new LearnerState(null, Map.of(), List.of(), List.of(UUID_ID, "0f8fXY", "0f8fXYZ"));
        byte[] bytes = LearnerStateCodec.encode(state);

        UUID uuid = UUID.fromString(UUID_ID);
        byte[] expectedTail = new byte[1 + 1 + 16 + 1 + 1 + 2 + 1 + 1 + 1];
        int at = 0;
        expectedTail[at++] = 3; // three ids
        expectedTail[at++] = 0; // a UUID's 16 bytes
        for (int i = 7; i >= 0; i--) {
            expectedTail[at++] = (byte) (uuid.getMostSignificantBits() >>> (8 * i));
        }
        for (int i = 7; i >= 0; i--) {
            expectedTail[at++] = (byte) (uuid.getLeastSignificantBits() >>> (8 * i));
        }
        expectedTail[at++] = 5; // 4 chars shared with the UUID's text, + 1
        expectedTail[at++] = 2;
        expectedTail[at++] = 'X';
        expectedTail[at++] = 'Y';
        expectedTail[at++] = 7; // 6 chars shared with "0f8fXY", + 1
        expectedTail[at++] = 1;
        expectedTail[at] = 'Z';
        assertThat(Arrays.copyOfRange(bytes, bytes.length - expectedTail.length, bytes.length)).containsExactly(expectedTail);
    }
}
