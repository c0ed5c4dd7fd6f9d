package dev.hone.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a peer tool or one of Hone's commands as its own process and reads its figures from the output. */
public final class Processes {

    private final Path logs;

    public Processes(Path logs) {
        this.logs = logs;
    }

    /** Runs {@code command}, logs its output to {@code logs/name.log}, fails naming the log when it fails. */
    public String run(String name, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + p.exitValue() + "; see " + log);
        }
        return out;
    }

    /** A java command on {@code classpath} with the bench's own JVM. */
    public static List<String> java(String classpath, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** The numbers in group 1 of every match of {@code regex} in {@code output} (grouping commas dropped). */
    public static List<Double> allNumbers(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        List<Double> found = new ArrayList<>();
        while (m.find()) {
            found.add(Double.parseDouble(m.group(1).replace(",", "")));
        }
        return found;
    }

    /** The number in group 1 of the last match of {@code regex} in {@code output} (grouping commas dropped). */
    public static double lastNumber(String output, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(output);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        if (found == null) {
            throw new IllegalStateException(what + ": no line matching /" + regex + "/ in the output");
        }
        return Double.parseDouble(found.replace(",", ""));
    }
}
