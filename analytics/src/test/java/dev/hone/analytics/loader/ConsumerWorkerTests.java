package dev.hone.analytics.loader;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerWorkerTests {

    /** A consumer that never reaches a broker (none is needed to poll empty, wake up and close) and notes how it was closed. */
    private static final class NotingConsumer extends KafkaConsumer<String, byte[]> {
        private final List<Boolean> closedInterrupted;

        NotingConsumer(List<Boolean> closedInterrupted) {
            super(Map.of("bootstrap.servers", "127.0.0.1:9", "group.id", "worker-test"), new StringDeserializer(), new ByteArrayDeserializer());
            this.closedInterrupted = closedInterrupted;
        }

        @Override
        public void close(Duration timeout) {
            closedInterrupted.add(Thread.currentThread().isInterrupted());
            super.close(timeout);
        }
    }

    @Test
    void stoppingClosesTheConsumerWithoutInterruptingItsThread() throws Exception {
        List<Boolean> closedInterrupted = new CopyOnWriteArrayList<>();
        var polling = new CountDownLatch(1);
        var worker = new ConsumerWorker() {
            @Override
            public void start() {
                // launched by the test
            }

            @Override
            protected void run(KafkaConsumer<String, byte[]> consumer) {
                polling.countDown();
                while (running()) {
                    consumer.poll(Duration.ofMillis(50)); // subscribed to nothing: returns empty until woken
                }
            }
        };
        worker.launch(() -> new NotingConsumer(closedInterrupted), "worker-test", new LoaderHealth());
        assertThat(polling.await(30, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        assertThat(worker.isRunning()).isFalse();
        assertThat(closedInterrupted).containsExactly(false);
    }

    @Test
    void stoppingEndsABackOffBetweenConsumers() throws Exception {
        List<Boolean> closedInterrupted = new CopyOnWriteArrayList<>();
        var failed = new CountDownLatch(1);
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        var worker = new ConsumerWorker() {
            @Override
            public void start() {
                // launched by the test
            }

            @Override
            protected void run(KafkaConsumer<String, byte[]> consumer) {
                attempts.incrementAndGet();
                failed.countDown();
                throw new IllegalStateException("ClickHouse away"); // the worker backs off, then tries a new consumer
            }
        };
        worker.launch(() -> new NotingConsumer(closedInterrupted), "worker-test", new LoaderHealth());
        assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        assertThat(closedInterrupted).containsExactly(false);
        assertThat(attempts.get()).isEqualTo(1); // the back-off (1 s) was cut short by stop, not waited out into a second try
    }
}
