package dev.hone.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Client settings a Kafka cluster asks of every client (security.protocol, sasl.mechanism,
 * sasl.jaas.config, ssl.truststore.*, client.dns.lookup, ...), given once as
 * {@code hone.kafka.properties.*} and laid over the config of every Kafka client Hone makes: the
 * ingest producer and admin, the recommender's Streams application and admin, the analytics
 * consumers. Each service binds it from {@link #PREFIX}, so one setting reaches them all.
 *
 * <p>A key Hone already sets for a client (acks, idempotence, isolation level, processing
 * guarantee, group id, bootstrap servers, ...) cannot be changed here: those carry the
 * exactly-once promise or have their own typed setting, so a clash stops start-up naming the key.
 *
 * @param properties Kafka client config keys and values, e.g. {@code security.protocol=SASL_SSL}
 */
public record KafkaClientProperties(Map<String, String> properties) {

    /** Where every service binds these settings from. */
    public static final String PREFIX = "hone.kafka";

    /** No extra settings: a local broker without security. */
    public static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of());

    public KafkaClientProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        properties.forEach((key, value) -> {
            if (key.isBlank() || value == null) {
                throw new IllegalArgumentException(PREFIX + ".properties." + key + ": needs a key and a value");
            }
        });
    }

    /** A copy of {@code base} with these settings added. */
    public Map<String, Object> applyTo(Map<String, ?> base) {
        var merged = new HashMap<String, Object>(base);
        properties.forEach((key, value) -> {
            Object own = base.get(key);
            if (own != null && !own.toString().equals(value)) {
                throw new IllegalArgumentException(PREFIX + ".properties." + key + ": Hone sets this client setting itself ("
                        + own + "); remove it or use Hone's own setting for it");
            }
            merged.put(key, value);
        });
        return merged;
    }

    /** A copy of {@code base} with these settings added, for clients configured with {@link Properties} (Streams). */
    public Properties applyTo(Properties base) {
        var asMap = new HashMap<String, Object>();
        base.forEach((key, value) -> asMap.put(key.toString(), value));
        var merged = new Properties();
        merged.putAll(applyTo(asMap));
        return merged;
    }

    /** Keys only: the values often hold credentials (sasl.jaas.config) and must not reach a log. */
    @Override
    public String toString() {
        return new TreeMap<>(properties).keySet().stream().collect(Collectors.joining(", ", "KafkaClientProperties[", "]"));
    }
}
