package dev.hone.events;

import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its keys and values: the one place a topic is defined. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
