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
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(applicationId)) {
                String name = info.getThreadName().replace(applicationId, "").replaceAll("-?[0-9a-f]{8}-[0-9a-f-]{27}", "");
                cpu.merge(name, Math.max(THREADS.getThreadCpuTime(info.getThreadId()), 0L), Long::sum);
            }
        }
        return cpu;
    }
}
