package dev.hone.recommender.streams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the process once the Streams client has stopped for good. A recommender whose Streams
 * client is in ERROR answers nothing and never recovers by itself; exiting lets the supervisor
 * (Kubernetes, {@code ./hone up}) restart it or show why, instead of a live process that is never
 * ready. Off ({@code hone.streams.exit-on-failure=false}) for tests that run the service in-process.
 */
@Component
class ProcessExit {

    /** sysexits.h: EX_SOFTWARE for a failed stream thread, EX_IOERR for a state directory out of room. */
    static final int FAILED = 70;
    static final int NO_STATE_SPACE = 74;

    private static final Logger log = LoggerFactory.getLogger(ProcessExit.class);

    private final ApplicationContext context;
    private final boolean enabled;
    private final AtomicBoolean exiting = new AtomicBoolean();

    ProcessExit(ApplicationContext context, StreamsSettings settings) {
        this.context = context;
        this.enabled = settings.exitOnFailure();
    }

    /** Closes the application and exits with {@code code}, on a thread of its own (callers are Streams' threads). */
    void exit(int code, String reason) {
        if (!enabled) {
            log.error("the Streams client stopped ({}); staying up not ready because hone.streams.exit-on-failure=false", reason);
            return;
        }
        if (exiting.compareAndSet(false, true)) {
            log.error("exiting with code {}: {}", code, reason);
            exitThread(code).start();
        }
    }

    /** The thread that closes the context and then exits with {@code code}. */
    Thread exitThread(int code) {
        Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> code)), "hone-exit");
        // a new thread inherits daemon from its creator (the space watcher is a daemon): as a daemon, the JVM
        // could end with 0 as soon as closing the context stopped the last other thread, before System.exit ran
        exit.setDaemon(false);
        return exit;
    }
}
