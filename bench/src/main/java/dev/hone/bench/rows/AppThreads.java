package dev.hone.bench.rows;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** CPU time of a Kafka Streams application's threads in this JVM: those whose name holds its application id. */
final class AppThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AppThreads() {
    }

    /**
     * The CPU time (user + system) of each live thread named after {@code applicationId}, by name (the application id
     * and the client's UUID left out): Streams names its stream, global and state threads, and its clients' network
     * threads, after the client id, which begins with it.
     */
    static Map<String, Long> byThread(String applicationId) {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
            throw new IllegalStateException("this JVM does not measure the CPU time of threads");
        }
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            // "<id>-<client uuid>-StreamThread-1", "kafka-producer-network-thread | <id>-...", and the heartbeat
            // thread "... | <id>": not "<id>0..." of another run
            String name = info == null ? "" : info.getThreadName();
            if (name.contains(applicationId + "-") || name.endsWith(applicationId)) {
                String shortName = name.replace(applicationId, "").replaceAll("-?[0-9a-f]{8}-[0-9a-f-]{27}", "");
                cpu.merge(shortName, Math.max(THREADS.getThreadCpuTime(info.getThreadId()), 0L), Long::sum); // -1: ended since
            }
        }
        return cpu;
    }
}
