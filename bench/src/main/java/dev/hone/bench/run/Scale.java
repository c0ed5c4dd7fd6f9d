package dev.hone.bench.run;

/**
 * How much each row does. {@code --quick} keeps the whole table under five minutes on two
 * cores; the full run uses the sizes (state for 100k learners, 10M answers).
 *
 * @param name              "quick" or "full"
 * @param repeats           runs of every measurement (at least 3: median and spread)
 * @param ingestSeconds     how long each ingest run posts batches
 * @param warmupSeconds     how long a row works a service before measuring it (ingest's batches, single answers,
 *                          queue reads): the services start with the bench, and on two cores C2 takes minutes to
 *                          settle (a queue trace: the mean of 2 s buckets fell 92 -> 22 -> 10 -> 6 ms over the
 *                          first 40 s; the latency rows' third runs were their best)
 * @param latencySeconds    how long each ingest-latency run sends at its rate
 * @param recommenderAnswers answers on the input topic for each Streams run
 * @param learners          distinct learners in that input (the state store's size)
 * @param loaderAnswers     answers per loader run
 * @param dashboardAnswers  answers seeded into ClickHouse for the dashboards
 * @param dashboardCalls    timed calls per dashboard per run
 * @param queueCalls        timed GET /queue calls per run
 * @param freshnessProbes   answers timed until visible, per run
 * @param memoryLearners    learners held for the heap-per-learner figure
 * @param jmhArgs           JMH's options (iterations, forks)
 */
public record Scale(String name, int repeats, int ingestSeconds, int warmupSeconds, int latencySeconds, int recommenderAnswers, int learners, int loaderAnswers,
                    long dashboardAnswers, int dashboardCalls, int queueCalls, int freshnessProbes, int memoryLearners,
                    String jmhArgs) {

    public static Scale quick() {
        return new Scale("quick", 3, 5, 10, 30, 30_000, 100_000, 30_000, 300_000, 7, 300, 7, 5_000,
                "-f 1 -wi 1 -w 500ms -i 3 -r 500ms");
    }

    public static Scale full() {
        return new Scale("full", 3, 20, 120, 60, 300_000, 100_000, 1_000_000, 10_000_000, 20, 2_000, 20, 100_000,
                "-f 1 -wi 3 -w 2s -i 5 -r 2s");
    }
}
