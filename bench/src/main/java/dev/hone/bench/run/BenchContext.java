package dev.hone.bench.run;

import java.nio.file.Path;

/**
 * Where the engines and services of this bench run are, and how big the run is.
 *
 * @param root          the repository (for ./hone's commands and the jars)
 * @param state         the bench's state folder (.hone/bench)
 * @param kafka         the bench broker's bootstrap servers
 * @param clickHouseUrl the bench ClickHouse over HTTP
 * @param clickHousePort its native port, for clickhouse-client
 * @param ingestUrl     ingest's base URL
 * @param analyticsUrl  analytics' base URL
 * @param classpath     the bench module's classpath (the Kafka tools run on it)
 * @param scale         sizes and repeats: quick or full
 */
public record BenchContext(Path root, Path state, String kafka, String clickHouseUrl, int clickHousePort, String ingestUrl,
                           String analyticsUrl, String classpath, Scale scale) {

    public Processes processes() {
        return new Processes(state.resolve("logs"));
    }

    public String analyticsJar() {
        return root.resolve("analytics/target/analytics-exec.jar").toString();
    }
}
