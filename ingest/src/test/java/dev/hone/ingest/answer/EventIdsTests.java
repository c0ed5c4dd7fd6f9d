package dev.hone.ingest.answer;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    void eightThreadsDrawingAtOnceNeverShareAnId() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            var drawn = threads.invokeAll(Collections.nCopies(8, () -> {
                for (int i = 0; i < 20_000; i++) {
                    ids.add(EventIds.next());
                }
                return null;
            }));
            for (var d : drawn) {
                d.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(ids).hasSize(160_000);
    }
}
