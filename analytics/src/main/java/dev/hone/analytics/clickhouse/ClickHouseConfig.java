package dev.hone.analytics.clickhouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class ClickHouseConfig {

    @Bean(destroyMethod = "close")
    DataSource clickHouse(ClickHouseSettings settings) {
        var config = new HikariConfig();
        config.setPoolName("clickhouse");
        config.setDriverClassName("ru.yandex.clickhouse.ClickHouseDriver");
        config.setJdbcUrl(settings.jdbcUrl(settings.database()));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(1);
        // start even while ClickHouse is down: the loader waits and retries, health says why
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }
}
