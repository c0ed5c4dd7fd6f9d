package dev.hone.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the figures were taken: they are only comparable with the machine and its load.
 *
 * @param cores           processors the JVM sees
 * @param memoryMiB       total memory (/proc/meminfo)
 * @param loadBefore      1/5/15-minute load average when the bench started
 * @param loadAfter       the same when it ended
 * @param jdk             the JDK's vendor and version
 * @param os              operating system and architecture
 */
public record Machine(int cores, long memoryMiB, String loadBefore, String loadAfter, String jdk, String os) {

    /** This machine now; {@code loadBefore} as read when the bench started. */
    public static Machine now(String loadBefore) {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMiB(), loadBefore, loadAverage(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The first three fields of /proc/loadavg, or "unknown" off Linux. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long totalMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: memory unknown
        }
        return -1;
    }
}
