package dev.hone.bench.peer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.nio.ByteBuffer;

/**
 * The recommender's peer: the least a Kafka Streams app can do with the same input under the
 * same guarantees (the bench runs it with exactly_once_v2, like the recommender): per record,
 * one read-modify-write of a RocksDB store keyed by learner and one output record. What Hone
 * does on top of this (JSON, the learner model, the tally, the resend window) is its cost.
 */
public final class MinimalStreamsApp {

    public static final String OUTPUT = "bench.peer.out";
    static final String STORE = "peer-state";

    private MinimalStreamsApp() {
    }

    public static Topology build(String input) {
        return new Topology()
                .addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), input)
                .addProcessor("count", CountProcessor::new, "in")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()), "count")
                .addSink("out", OUTPUT, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "count");
    }

    /** Reads the learner's count, writes it back plus one, and forwards the record. */
    static final class CountProcessor implements Processor<String, byte[], String, byte[]> {

        private KeyValueStore<String, byte[]> store;
        private ProcessorContext<String, byte[]> context;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            byte[] old = store.get(record.key());
            long count = old == null ? 0 : ByteBuffer.wrap(old).getLong();
            store.put(record.key(), ByteBuffer.allocate(Long.BYTES).putLong(count + 1).array());
            context.forward(record);
        }
    }
}
