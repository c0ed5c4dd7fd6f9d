package dev.hone.analytics.loader;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Kafka consumer on its own thread, started and stopped with the Spring context. When the
 * consume loop fails (a broker away longer than the client's timeouts, say) the worker reports
 * itself down, waits with back-off and starts again with a new consumer: the loaders' positions
 * live in ClickHouse and the committed offsets, so a fresh consumer resumes where the last one
 * stored. Stop wakes the consumer and waits up to 30 s for the loop to finish its batch.
 */
abstract class ConsumerWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    /** Counted down by {@link #stop()}: ends a back-off pause without interrupting the thread. */
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    /** Runs {@link #run(KafkaConsumer)} on a thread named {@code name}, with a new consumer after each failure. */
    protected final void launch(Supplier<KafkaConsumer<String, byte[]>> consumers, String name, LoaderHealth health) {
        running = true;
        stopping = new CountDownLatch(1);
        thread = new Thread(() -> {
            Duration backoff = FIRST_RETRY;
            while (running) {
                KafkaConsumer<String, byte[]> c = consumers.get();
                consumer = c;
                try {
                    run(c);
                    backoff = FIRST_RETRY;
                } catch (WakeupException e) {
                    if (running) {
                        log.warn("{} woken unexpectedly; starting again", name);
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        log.error("{} failed; starting again with a new consumer in {} s", name, backoff.toSeconds(), e);
                        health.failed(name + " failed: " + e.getMessage());
                    }
                } finally {
                    c.close(Duration.ofSeconds(5));
                }
                if (running) {
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
                }
            }
        }, name);
        thread.start();
    }

    /** The consume loop; return (or let a WakeupException end it) once {@link #running()} is false. */
    protected abstract void run(KafkaConsumer<String, byte[]> consumer);

    protected final boolean running() {
        return running;
    }

    /** Waits {@code d} on the worker's thread, or less when {@link #stop()} comes first (no interrupt needed). */
    protected final void backOff(Duration d) {
        try {
            stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private void pause(Duration d) {
        try {
            backOff(d); // between consumer restarts
        } catch (WakeupException e) {
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        // No interrupt: the worker closes its consumer on the way out, and an interrupted close
        // logged "Failed to close coordinator" at ERROR on every shutdown. The wakeup ends a poll,
        // the latch a back-off; a batch in flight finishes (up to the join's 30 s).
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
