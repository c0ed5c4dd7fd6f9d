package dev.hone.analytics.loader;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * A Kafka consumer on its own thread, started and stopped with the Spring context: stop wakes
 * the consumer and waits up to 30 s for the loop to finish its batch.
 */
abstract class ConsumerWorker implements SmartLifecycle {

    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    /** Starts {@link #run(KafkaConsumer)} on a thread named {@code name}. */
    protected final void launch(KafkaConsumer<String, byte[]> newConsumer, String name) {
        consumer = newConsumer;
        running = true;
        thread = new Thread(() -> run(newConsumer), name);
        thread.start();
    }

    /** The consume loop; return (or let a WakeupException end it) once {@link #running()} is false. */
    protected abstract void run(KafkaConsumer<String, byte[]> consumer);

    protected final boolean running() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
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
