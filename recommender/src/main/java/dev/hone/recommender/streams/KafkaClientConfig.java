package dev.hone.recommender.streams;

import dev.hone.events.KafkaClientProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class KafkaClientConfig {

    /** Security and other cluster settings for every Kafka client of this service, from {@code hone.kafka.properties.*}. */
    @Bean
    KafkaClientProperties kafkaClientProperties(Environment environment) {
        return Binder.get(environment).bind(KafkaClientProperties.PREFIX, KafkaClientProperties.class)
                .orElse(KafkaClientProperties.NONE);
    }
}
