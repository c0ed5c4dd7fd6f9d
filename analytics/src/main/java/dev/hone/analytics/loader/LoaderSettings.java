package dev.hone.analytics.loader;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the Kafka -> ClickHouse loader batches.
 *
 * @param bootstrapServers the brokers
 * @param groupId          consumer group of the loader instances (profiles use {@code <groupId>-learners})
 * @param batchSize        rows that make a batch full
 * @param maxBatchWait     longest a row waits in a partly filled batch (bounds dashboard freshness)
 * @param retryBackoff     first pause after a failed insert; doubles up to maxRetryBackoff
 * @param maxRetryBackoff  longest pause between insert attempts
 * @param resendWindow     how far back a resent event id is recognised and dropped (ingest accepts
 *                         answers at most 30 days old)
 * @param enabled          false: apply the schema but consume nothing (a dashboards-only instance)
 * @param haltAfterInsert  fault injection for the crash test only: halt the JVM after the first
 *                         insert, before its offsets are committed
 */
@ConfigurationProperties("hone.loader")
public record LoaderSettings(
        @DefaultValue("127.0.0.1:19092") String bootstrapServers,
        @DefaultValue("hone-analytics") String groupId,
        @DefaultValue("20000") int batchSize,
        @DefaultValue("500ms") Duration maxBatchWait,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("10s") Duration maxRetryBackoff,
        @DefaultValue("31d") Duration resendWindow,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean haltAfterInsert) {
}
