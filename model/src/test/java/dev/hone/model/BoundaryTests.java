package dev.hone.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model is plain Java with no clock of its own (DESIGN.md, "Boundaries worth keeping"). */
class BoundaryTests {

    private static final Path SOURCES = Path.of("src/main/java/dev/hone/model");
    private static final Pattern FRAMEWORK = Pattern.compile("import (org\\.springframework|org\\.apache\\.kafka|java\\.sql|javax\\.sql)");
    private static final Pattern CLOCK = Pattern.compile("currentTimeMillis|nanoTime|(Instant|LocalDateTime|LocalDate|OffsetDateTime|ZonedDateTime)\\.now|Clock\\.");

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noSpringKafkaOrJdbcImports() throws IOException {
        for (Path f : sources()) {
            assertThat(FRAMEWORK.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
        }
    }

    @Test
    void timeComesOnlyFromTheAnswersExceptTheReplaysThroughputMeter() throws IOException {
        for (Path f : sources()) {
            boolean meter = f.endsWith(Path.of("replay", "Replay.java")) || f.getFileName().toString().endsWith("Command.java");
            if (!meter) {
                assertThat(CLOCK.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
            }
        }
    }
}
