package dev.hone.recommender.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Up while the stream runs; a rebalance or a failure shows here and in readiness. While RUNNING
 * the details count the tasks this instance runs (Streams refreshes that list only when a thread
 * gets back to RUNNING, so during a rebalance it would be the previous assignment's): an instance
 * that has just joined is RUNNING with none until the follow-up rebalance hands it its share,
 * and it is RUNNING again only once the stores of that share are open.
 */
@Component("streams")
class StreamsHealthIndicator implements HealthIndicator {

    private final StreamsRunner runner;

    StreamsHealthIndicator(StreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        KafkaStreams streams = runner.streams();
        if (streams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        Health.Builder health = state == KafkaStreams.State.RUNNING ? Health.up()
                : state == KafkaStreams.State.REBALANCING ? Health.outOfService() : Health.down();
        health.withDetail("state", state.name());
        if (state == KafkaStreams.State.RUNNING) {
            int active = 0;
            int standby = 0;
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                active += thread.activeTasks().size();
                standby += thread.standbyTasks().size();
            }
            health.withDetail("activeTasks", active).withDetail("standbyTasks", standby);
        }
        return health.build();
    }
}
