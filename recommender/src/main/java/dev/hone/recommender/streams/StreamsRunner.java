package dev.hone.recommender.streams;

import dev.hone.events.KafkaClientProperties;
import dev.hone.events.TopicProvisioner;
import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerEngines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Starts and stops the Kafka Streams application with the Spring context. */
@Component
public class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);
    /** The consumer setting behind leaving the group on close (internal to Kafka, but a documented Streams default). */
    static final String LEAVE_GROUP_ON_CLOSE = "internal.leave.group.on.close";

    private final StreamsSettings settings;
    private final LearnerEngines engines;
    private final KafkaClientProperties client;
    private final StateSpaceGuard space;
    private final ProcessExit exit;
    private final int httpPort;
    private volatile KafkaStreams streams;

    StreamsRunner(StreamsSettings settings, LearnerEngines engines, KafkaClientProperties client, ServerProperties server,
                  StateSpaceGuard space, ProcessExit exit) {
        this.settings = settings;
        this.engines = engines;
        this.client = client;
        this.space = space;
        this.exit = exit;
        this.httpPort = server.getPort() == null ? 8081 : server.getPort();
    }

    /** The Streams config; {@code client}'s settings reach its consumers, producers and admin alike. */
    public static Properties streamsConfig(StreamsSettings settings, KafkaClientProperties client, int httpPort) {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.advertisedHost() + ":" + httpPort);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) settings.commitInterval().toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Streams lets its producers linger 100 ms (and under exactly-once nothing is visible before the commit
        // anyway), yet their batches still closed at Kafka's 16 KB, a request each. Larger batches halved the
        // producer thread's CPU per answer in the bench (both apps; README "Eleventh session"). A batch.size given
        // in hone.kafka.properties, which reaches every service's producers, wins.
        if (!client.properties().containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) settings.producerBatchSize().toBytes());
        }
        // Streams overrides the consumer's own default (leave on close) with false, as a default a user may change;
        // KafkaStreams#close(CloseOptions#leaveGroup) only removes static members in 4.1 (KIP-1092 explains why)
        props.put(StreamsConfig.mainConsumerPrefix(LEAVE_GROUP_ON_CLOSE), settings.leaveGroupOnClose());
        return client.applyTo(props);
    }

    static Map<String, Object> adminConfig(StreamsSettings settings, KafkaClientProperties client) {
        return client.applyTo(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()));
    }

    @Override
    public void start() {
        space.requireRoom();
        try (Admin admin = Admin.create(adminConfig(settings, client))) {
            var provisioner = new TopicProvisioner(settings.partitions(), settings.replicationFactor());
            provisioner.ensure(admin, Topics.ALL);
            provisioner.ensure(admin, RecommenderTopology.ownTopics(settings.applicationId()));
        }
        var app = new KafkaStreams(RecommenderTopology.build(engines, settings.applicationId(), settings.itemFlushInterval(),
                settings.learnerMemory().toBytes()), streamsConfig(settings, client, httpPort));
        // Bad records never get here (they go to the dead-letter topic); what does is a broken
        // deployment, disk or broker, so stop, say why in one line and exit rather than retry in a loop.
        String[] why = {"a stream thread failed"};
        app.setUncaughtExceptionHandler(e -> {
            why[0] = StreamsFailure.describe(e, space.stateDir(), space.freeBytes());
            log.error("stream thread failed: {}; stopping the Streams client", why[0], e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        app.setStateListener((now, before) -> {
            log.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                exit.exit(ProcessExit.FAILED, why[0]);
            }
        });
        app.start();
        streams = app;
        space.watch(this::stopForSpace);
    }

    /** Stops while the state directory still has room to commit and close the stores cleanly. */
    private void stopForSpace(String reason) {
        log.error("{}; committing and closing the state stores", reason);
        stop();
        exit.exit(ProcessExit.NO_STATE_SPACE, reason);
    }

    @Override
    public void stop() {
        space.unwatch();
        KafkaStreams app = streams;
        if (app != null) {
            app.close(Duration.ofSeconds(20));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The running application, or null before start and after stop. */
    public KafkaStreams streams() {
        return streams;
    }

    public String selfHost() {
        return settings.advertisedHost() + ":" + httpPort;
    }
}
