package dev.hone.ingest.answer;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTests {

    @Test
    void areRandomVersion4UuidsInTheirCanonicalForm() {
        for (int i = 0; i < 1_000; i++) {
            String id = EventIds.next();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.toString()).isEqualTo(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
        }
    }

    @Test
    void threadsDrawingAtOnceNeverShareAnId() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(t -> {
            for (int i = 0; i < 20_000; i++) {
                ids.add(EventIds.next());
            }
        });
        assertThat(ids).hasSize(160_000);
    }
}
