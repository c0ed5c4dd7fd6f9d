package dev.hone.ingest.kafka;

import dev.hone.events.KafkaClientProperties;
import dev.hone.events.TopicProvisioner;
import dev.hone.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Security and other cluster settings for every client below, from {@code hone.kafka.properties.*}. */
    @Bean
    KafkaClientProperties kafkaClientProperties(Environment environment) {
        return Binder.get(environment).bind(KafkaClientProperties.PREFIX, KafkaClientProperties.class)
                .orElse(KafkaClientProperties.NONE);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaSettings settings, KafkaClientProperties client) {
        Admin admin = Admin.create(adminConfig(settings, client));
        new TopicProvisioner(settings.partitions(), settings.replicationFactor())
                .ensure(admin, List.of(Topics.ALL.toArray(Topics.TopicSpec[]::new)));
        return admin;
    }

    /**
     * Single answers and learner records: acks=all and idempotence (an answer acknowledged to the learner is on
     * every in-sync replica, once), no linger, since each request waits for its own acknowledgement.
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> answerProducer(KafkaSettings settings, KafkaClientProperties client) {
        return new KafkaProducer<>(producerConfig(settings, client), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Batches and xAPI statement lists: the same guarantees, with a linger, so the answers of a request (and of
     * requests arriving together) share produce requests. A second producer rather than one compromise: the two
     * paths want opposite settings.
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> batchAnswerProducer(KafkaSettings settings, KafkaClientProperties client) {
        return new KafkaProducer<>(batchProducerConfig(settings, client), new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> adminConfig(KafkaSettings settings, KafkaClientProperties client) {
        return client.applyTo(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** 8 MB of buffer: single answers wait for their ack one by one, so only a broker outage fills it. */
    static Map<String, Object> producerConfig(KafkaSettings settings, KafkaClientProperties client) {
        return producerConfig(settings, client, settings.singleLinger(), 8L << 20, "hone-ingest");
    }

    /** The client's default 32 MB of buffer, as the peer in the bench has. */
    static Map<String, Object> batchProducerConfig(KafkaSettings settings, KafkaClientProperties client) {
        return producerConfig(settings, client, settings.batchLinger(), 32L << 20, "hone-ingest-batch");
    }

    private static Map<String, Object> producerConfig(KafkaSettings settings, KafkaClientProperties client, Duration linger,
                                                      long bufferBytes, String clientId) {
        return client.applyTo(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis(),
                ProducerConfig.BUFFER_MEMORY_CONFIG, bufferBytes,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.produceTimeout().toMillis() + 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.produceTimeout().toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.produceTimeout().toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, clientId));
    }
}
