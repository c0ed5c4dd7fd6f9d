package dev.hone.catalog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CatalogCommand command = new CatalogCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void checkPrintsEachProblemAndASummaryAndExitsOne() {
        int status = command.run("check", "--no-run", "--bank", fixture("broken/unknown-track"));

        assertThat(status).isEqualTo(1);
        assertThat(stdout()).contains("questions/core.gil.yaml:28: core.gil.q02: unknown track 'mobile'\n")
                .contains("catalog check: 5 questions in 1 topics, 0 snippets run, 1 error");
    }

    @Test
    void checkExitsZeroOnAValidBank() {
        assertThat(command.run("check", "--bank", fixture("valid"))).isEqualTo(0);
        assertThat(stdout()).contains("2 snippets run, 0 errors");
    }

    @Test
    void statsAsJsonHasExactlyTheDocumentedFields() throws Exception {
        int status = command.run("stats", "--json", "--bank", fixture("valid"));

        JsonNode stats = JSON.readTree(stdout());
        assertThat(status).isZero();
        assertThat(stats.fieldNames()).toIterable()
                .containsExactly("topics", "questions", "byTopic", "byKind", "byDifficulty", "byTrack");
        assertThat(stats.get("questions").asInt()).isEqualTo(5);
        assertThat(stats.at("/byTopic/core.gil").asInt()).isEqualTo(5);
        assertThat(stats.at("/byKind/code_output").asInt()).isEqualTo(2);
        assertThat(stats.at("/byDifficulty/2").asInt()).isEqualTo(2);
        assertThat(stats.at("/byTrack/web").asInt()).isEqualTo(3);
    }

    @Test
    void exportWritesOneQuestionPerLineWithItsKey(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bank.jsonl");

        int status = command.run("export", "--bank", fixture("valid"), "--out", file.toString());

        List<String> lines = Files.readAllLines(file);
        JsonNode multi = JSON.readTree(lines.get(1));
        JsonNode code = JSON.readTree(lines.get(2));
        assertThat(status).isZero();
        assertThat(lines).hasSize(5);
        assertThat(multi.get("answer").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(multi.at("/options/2/why").asText()).startsWith("The loop holds the GIL");
        assertThat(code.get("code").asText()).contains("print(counts[\"b\"])");
        assertThat(code.get("answer").asText()).isEqualTo("raises: KeyError");
        assertThat(code.get("topic").asText()).isEqualTo("core.gil");
    }

    @Test
    void rejectsAnUnknownCommandWithUsage() {
        assertThat(command.run("lint")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'lint'").contains("usage: hone catalog");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String fixture(String name) {
        try {
            return Path.of(CatalogCommandTests.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
