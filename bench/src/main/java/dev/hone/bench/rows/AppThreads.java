package dev.hone.bench.rows;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** CPU time of a Kafka Streams application's threads in this JVM: those whose name holds its application id. */
final class AppThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AppThreads() {
    }

    /**
     * The CPU time (user + system) of the live threads named after {@code applicationId}: Streams names its stream,
     * global and state threads, and their clients' network threads, after the client id, which begins with it.
     */
    static long cpuNanos(String applicationId) {
        long sum = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(applicationId)) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                sum += Math.max(cpu, 0);
            }
        }
        return sum;
    }
}
