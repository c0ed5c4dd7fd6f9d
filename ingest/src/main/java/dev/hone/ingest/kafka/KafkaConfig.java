package dev.hone.ingest.kafka;

import dev.hone.events.TopicProvisioner;
import dev.hone.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaSettings settings) {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
        new TopicProvisioner(settings.partitions(), settings.replicationFactor())
                .ensure(admin, List.of(Topics.ALL.toArray(Topics.TopicSpec[]::new)));
        return admin;
    }

    /** acks=all and idempotence: an answer acknowledged to the learner is on every in-sync replica, once. */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> answerProducer(KafkaSettings settings) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.produceTimeout().toMillis() + 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.produceTimeout().toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.produceTimeout().toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "hone-ingest"),
                new StringSerializer(), new ByteArraySerializer());
    }
}
