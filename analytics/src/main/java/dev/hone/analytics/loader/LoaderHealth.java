package dev.hone.analytics.loader;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Down while the loader cannot insert into ClickHouse (it keeps its offsets and retries). */
@Component("loader")
class LoaderHealth implements HealthIndicator {

    private volatile String problem;

    void failed(String reason) {
        problem = reason;
    }

    void ok() {
        problem = null;
    }

    @Override
    public Health health() {
        String p = problem;
        return p == null ? Health.up().build() : Health.down().withDetail("error", p).build();
    }
}
