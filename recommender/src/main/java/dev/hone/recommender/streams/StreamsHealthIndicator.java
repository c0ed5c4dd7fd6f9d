package dev.hone.recommender.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up while the stream runs; a rebalance or a failure shows here and in readiness. */
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
        return health.withDetail("state", state.name()).build();
    }
}
