package dev.hone.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates Hone's topics when they are missing, so any service can start first. Existing topics
 * are left as they are: their partition count is an operator's decision once data exists.
 */
public final class TopicProvisioner {

    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(int partitions, short replicationFactor) {
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public void ensure(Admin admin, List<Topics.TopicSpec> topics) {
        List<NewTopic> wanted = topics.stream().map(this::newTopic).toList();
        var result = admin.createTopics(wanted);
        for (var entry : result.values().entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not answer within 30 s while creating topic " + entry.getKey(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
    }

    private NewTopic newTopic(Topics.TopicSpec spec) {
        var topic = new NewTopic(spec.name(), partitions, replicationFactor);
        var configs = new HashMap<String, String>();
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        // with three or more replicas an acknowledged write (acks=all) is on at least two brokers,
        // so losing one broker loses no answer, and one broker may be down without stopping writes
        if (replicationFactor >= 3) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return topic.configs(configs);
    }
}
