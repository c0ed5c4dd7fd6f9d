package dev.hone.catalog.check;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Python snippets with the real interpreter: {@code python3 -I -S} (no PYTHON* variables,
 * script folder not on the path, and no site-packages, so a snippet that needs more than the
 * standard library fails as FORMAT.md says it must) in a fresh temporary folder, with a clean
 * environment, a time limit, and no network when {@code unshare} can take it away.
 */
final class SnippetRunner {

    private static final int MAX_OUTPUT_BYTES = 64 * 1024;
    private static final List<List<String>> NETWORK_JAILS = List.of(List.of("unshare", "-rn"), List.of("unshare", "-n"));

    private final String python;
    private final String version;
    private final List<String> jail;
    private final Duration timeout;

    private SnippetRunner(String python, String version, List<String> jail, Duration timeout) {
        this.python = python;
        this.version = version;
        this.jail = jail;
        this.timeout = timeout;
    }

    /**
     * Finds python3 and resolves it to the real executable (a pyenv shim costs a shell start
     * per snippet), and the strongest network jail that works here.
     */
    static SnippetRunner locate(String pythonCommand, Duration timeout) throws PythonMissingException {
        Outcome probe;
        try {
            probe = run(List.of(pythonCommand, "-I", "-c", "import sys; print(sys.executable); print(sys.version.split()[0])"),
                    Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new PythonMissingException("cannot run " + pythonCommand + ": " + e.getMessage());
        }
        List<String> lines = probe.stdout().lines().toList();
        if (probe.exitCode() != 0 || lines.size() < 2) {
            throw new PythonMissingException(pythonCommand + " does not work: " + probe.stderr().strip());
        }
        String python = lines.get(0).isBlank() ? pythonCommand : lines.get(0);
        for (List<String> jail : NETWORK_JAILS) {
            List<String> command = new ArrayList<>(jail);
            command.addAll(List.of(python, "-I", "-c", "pass"));
            try {
                if (run(command, Duration.ofSeconds(30)).exitCode() == 0) {
                    return new SnippetRunner(python, lines.get(1), jail, timeout);
                }
            } catch (IOException e) {
                // unshare is missing: try the next jail, then run without one
            }
        }
        return new SnippetRunner(python, lines.get(1), List.of(), timeout);
    }

    /** For the check's report: which Python ran the snippets and whether the network was off. */
    String describe() {
        String network = jail.isEmpty() ? "WITH network access (unshare is not available here)"
                : "without network (" + String.join(" ", jail) + ")";
        return "python " + version + " (" + python + "), " + network + ", " + timeout.toSeconds() + " s limit";
    }

    /** Runs a snippet as {@code main.py} in a fresh folder; its output is kept outside that folder. */
    Outcome run(String code) throws IOException {
        Path box = Files.createTempDirectory("hone-snippet-");
        try {
            Path work = Files.createDirectory(box.resolve("work"));
            Files.writeString(work.resolve("main.py"), code, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(jail);
            command.addAll(List.of(python, "-I", "-S", "main.py"));
            return run(command, box, timeout);
        } finally {
            deleteTree(box);
        }
    }

    private static Outcome run(List<String> command, Duration timeout) throws IOException {
        Path box = Files.createTempDirectory("hone-probe-");
        try {
            Files.createDirectory(box.resolve("work"));
            return run(command, box, timeout);
        } finally {
            deleteTree(box);
        }
    }

    /** Runs in {@code box/work} with stdout and stderr captured to files in {@code box}. */
    private static Outcome run(List<String> command, Path box, Duration timeout) throws IOException {
        Path work = box.resolve("work");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(box.resolve("stdout").toFile())
                .redirectError(box.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().retainAll(List.of("PATH"));
        env.put("HOME", work.toString());
        env.put("TMPDIR", work.toString());
        env.put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        boolean finished = waitFor(process, timeout);
        if (!finished) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(5));
        }
        return new Outcome(read(box.resolve("stdout")), read(box.resolve("stderr")),
                finished ? process.exitValue() : -1, !finished);
    }

    private static boolean waitFor(Process process, Duration timeout) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a snippet ran", e);
        }
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** What a run printed and how it ended; {@code exitCode} is -1 when it was stopped. */
    record Outcome(String stdout, String stderr, int exitCode, boolean timedOut) {
    }

    /** python3 cannot be run, so code_output keys cannot be checked. */
    static final class PythonMissingException extends Exception {
        PythonMissingException(String message) {
            super(message);
        }
    }
}
