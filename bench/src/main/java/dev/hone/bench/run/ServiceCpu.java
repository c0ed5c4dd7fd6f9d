package dev.hone.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time a service started by `./hone bench` has used so far, read from its pid file
 * ({@code .hone/bench/pids/NAME.pid}). CPU per answer is what a row can compare across runs on
 * a shared machine: wall-clock rates move with the neighbours' load, CPU per unit of work much less.
 */
public final class ServiceCpu {

    private final ProcessHandle process;

    private ServiceCpu(ProcessHandle process) {
        this.process = process;
    }

    /** The service {@code name} ("ingest", "recommender-2", ...) of this bench run. */
    public static ServiceCpu of(BenchContext ctx, String name) throws IOException {
        Path pidFile = ctx.state().resolve("pids").resolve(name + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + " from " + pidFile + ") is not running"));
        return new ServiceCpu(process);
    }

    /** User and system time used since the process started. */
    public Duration used() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the CPU time of pid " + process.pid() + " is not readable"));
    }
}
