package dev.hone.analytics.clickhouse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How analytics reaches ClickHouse (over HTTP, with the legacy JDBC driver that still speaks
 * to ClickHouse 18.16; see DESIGN.md).
 *
 * @param url            the server's HTTP endpoint
 * @param database       Hone's database, created when missing
 * @param user           user name
 * @param password       password
 * @param startupTimeout how long start-up waits for ClickHouse before it gives up
 * @param queryTimeout   socket timeout of one query
 */
@ConfigurationProperties("hone.clickhouse")
public record ClickHouseSettings(
        @DefaultValue("http://127.0.0.1:18123") String url,
        @DefaultValue("hone") String database,
        @DefaultValue("default") String user,
        @DefaultValue("") String password,
        @DefaultValue("60s") Duration startupTimeout,
        @DefaultValue("30s") Duration queryTimeout) {

    /** JDBC URL of {@code db}. compress=false: Debian's 18.16 build fails on compressed HTTP responses. */
    public String jdbcUrl(String db) {
        URI uri = URI.create(url);
        return "jdbc:clickhouse://" + uri.getHost() + ":" + uri.getPort() + "/" + db
                + "?compress=false&socket_timeout=" + queryTimeout.toMillis();
    }
}
