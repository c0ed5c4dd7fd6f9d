package dev.hone.analytics.clickhouse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

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
 * @param cluster        blank: one server (db/migration); a cluster name from the servers'
 *                       remote_servers: replicated local tables ON CLUSTER plus Distributed tables
 *                       under the usual names (db/migration-cluster, untested against a real cluster)
 */
@ConfigurationProperties("hone.clickhouse")
public record ClickHouseSettings(
        @DefaultValue("http://127.0.0.1:18123") String url,
        @DefaultValue("hone") String database,
        @DefaultValue("default") String user,
        @DefaultValue("") String password,
        @DefaultValue("60s") Duration startupTimeout,
        @DefaultValue("30s") Duration queryTimeout,
        @DefaultValue("") String cluster) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The cluster name goes into DDL as written, so it must be a plain identifier. */
    @ConstructorBinding
    public ClickHouseSettings {
        cluster = cluster == null ? "" : cluster.strip();
        if (!cluster.isEmpty() && !NAME.matcher(cluster).matches()) {
            throw new IllegalArgumentException("hone.clickhouse.cluster: must be a plain identifier like hone_cluster, was '" + cluster + "'");
        }
    }

    /** One server, as before the cluster setting existed. */
    public ClickHouseSettings(String url, String database, String user, String password, Duration startupTimeout, Duration queryTimeout) {
        this(url, database, user, password, startupTimeout, queryTimeout, "");
    }

    /** Whether the schema is the cluster variant. */
    public boolean onCluster() {
        return !cluster.isEmpty();
    }

    /** JDBC URL of {@code db}. compress=false: Debian's 18.16 build fails on compressed HTTP responses. */
    public String jdbcUrl(String db) {
        return jdbcUrl(db, queryTimeout);
    }

    /** JDBC URL of {@code db} with its own socket timeout, for background queries that may run longer than queryTimeout. */
    public String jdbcUrl(String db, Duration socketTimeout) {
        URI uri = URI.create(url);
        return "jdbc:clickhouse://" + uri.getHost() + ":" + uri.getPort() + "/" + db
                + "?compress=false&socket_timeout=" + socketTimeout.toMillis();
    }
}
