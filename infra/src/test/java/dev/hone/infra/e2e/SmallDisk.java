package dev.hone.infra.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small disk of its own (a tmpfs mounted on a folder), so a test can fill it for real without
 * touching the machine's disks. Mounting needs root, which {@code ./hone test} has on the machines
 * Hone is built on; {@link #mount} says when it cannot.
 */
final class SmallDisk implements AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final Path dir;
    private final Path filler;

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler.bin");
    }

    /** Mounts a tmpfs of {@code mebibytes} on {@code dir}; fails with mount's own words when it cannot. */
    static SmallDisk mount(Path dir, int mebibytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run(List.of("umount", "-l", dir.toString())); // left mounted by an earlier run that was killed
        String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", dir.toString()));
        if (out != null) {
            throw new IllegalStateException("cannot mount a tmpfs on " + dir + " (the disk-pressure scenario needs root): " + out);
        }
        return new SmallDisk(dir);
    }

    Path dir() {
        return dir;
    }

    long freeBytes() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /**
     * Writes a file until about {@code mebibytes} are left, as a neighbour filling the disk would.
     * The free space is read again after every mebibyte, since the service on this disk writes too.
     */
    void fillLeaving(int mebibytes) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate((int) MIB);
        try (var channel = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (freeBytes() > (mebibytes + 1) * MIB) {
                chunk.clear();
                channel.write(chunk);
            }
        }
    }

    /** Frees what {@link #fillLeaving} took. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", "-l", dir.toString()));
    }

    /** Null when the command succeeded, else what it printed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes()).trim();
        return done && p.exitValue() == 0 ? null : (out.isEmpty() ? "exit " + (done ? p.exitValue() : "timeout") : out);
    }
}
