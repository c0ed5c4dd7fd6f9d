package dev.hone.analytics;

import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;
import dev.hone.testkit.Engines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the loader between the insert and the offset commit (a real process, halted by
 * hone.loader.halt-after-insert), then starts a new one: it resumes after the highest offset
 * ClickHouse holds, so every answer is stored exactly once.
 */
class LoaderCrashIntegrationTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String DATABASE = "hone_crash_" + RUN;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aLoaderKilledBetweenInsertAndCommitDoublesNothing() throws Exception {
        GroupAtEnd.prepare(Engines.kafkaBootstrap(), "analytics-crash-" + RUN);
        Question q = TestData.CATALOG.questions().stream().filter(x -> x.kind().hasOptions()).findFirst().orElseThrow();
        List<AnswerRecorded> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(TestData.answer("crash-" + (i % 30) + "-" + RUN, q, i % 2 == 0, Instant.now().minusSeconds(i), 100));
        }
        LoaderIntegrationTests.produce(sent);

        Process first = start(true);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("the loader halts after its first insert").isTrue();
        assertThat(first.exitValue()).isEqualTo(3);
        long afterCrash = count("learner_id LIKE 'crash-%-" + RUN + "'");
        assertThat(afterCrash).as("the batch reached ClickHouse before the halt").isPositive();

        start(false);
        String marker = "marker-" + RUN;
        LoaderIntegrationTests.produce(List.of(TestData.answer(marker, q, true, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("learner_id = '" + marker + "'") == 1);

        assertThat(count("learner_id LIKE 'crash-%-" + RUN + "'")).isEqualTo(300);
    }

    private Process start(boolean haltAfterInsert) throws Exception {
        Path jar = Path.of("target", "analytics-exec.jar");
        assertThat(jar).as("run after 'package'").exists();
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--server.port=0",
                "--hone.security.dev-secret=" + dev.hone.testkit.TestTokens.SECRET,
                "--hone.clickhouse.url=" + Engines.clickHouseHttp(),
                "--hone.clickhouse.database=" + DATABASE,
                "--hone.loader.bootstrap-servers=" + Engines.kafkaBootstrap(),
                "--hone.loader.group-id=analytics-crash-" + RUN,
                "--hone.loader.halt-after-insert=" + haltAfterInsert)
                .redirectErrorStream(true)
                .redirectOutput(new File("target", "crash-loader-" + (haltAfterInsert ? "halted" : "resumed") + ".log"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Over ClickHouse's HTTP interface, so the test shares nothing with the processes under test. */
    private static long count(String where) throws Exception {
        String sql = "SELECT count() FROM " + DATABASE + ".answers WHERE " + where;
        var request = HttpRequest.newBuilder(URI.create(Engines.clickHouseHttp() + "/")).POST(HttpRequest.BodyPublishers.ofString(sql)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            return -1;
        }
        return Long.parseLong(response.body().strip());
    }
}
