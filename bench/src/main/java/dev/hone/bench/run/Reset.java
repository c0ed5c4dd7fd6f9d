package dev.hone.bench.run;

import java.time.Duration;
import java.util.Set;

/**
 * Deletes every topic on the bench broker and waits until they are gone, so the services start
 * on empty topics after the engine rows filled them (cheaper than a new broker).
 */
public final class Reset {

    private Reset() {
    }

    public static void topics(String bootstrap) throws Exception {
        try (var kafka = new KafkaTopics(bootstrap)) {
            Set<String> names = kafka.admin().listTopics().names().get();
            if (!names.isEmpty()) {
                kafka.admin().deleteTopics(names).all().get();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!kafka.admin().listTopics().names().get().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics still listed a minute after their deletion: " + kafka.admin().listTopics().names().get());
                }
                Thread.sleep(100);
            }
        }
    }
}
