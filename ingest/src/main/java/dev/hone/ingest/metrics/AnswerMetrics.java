package dev.hone.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingest's answer meters. Tags are bounded: a field outside the contract's known names (an
 * unknown property a client invented, say) is counted as {@code other}, and reasons are a
 * fixed vocabulary ({@link Reason}), so no client can grow the number of time series.
 */
@Component
public class AnswerMetrics {

    /** Why an answer or statement was turned away. */
    public enum Reason {
        /** a field broke the contract (shape, range, required) */
        INVALID,
        /** the question does not exist */
        UNKNOWN_QUESTION,
        /** the response does not fit the question (e.g. an option it does not have) */
        UNGRADABLE,
        /** the body is not JSON, or JSON of the wrong shape */
        MALFORMED,
        /** a property the request does not have */
        UNKNOWN_FIELD,
        /** an xAPI statement Hone does not take (verb, actor, object) */
        UNSUPPORTED_STATEMENT,
        TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        RATE_LIMITED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Set<String> FIELDS = Set.of("eventId", "learnerId", "questionId", "response", "responseMs",
            "answeredAt", "body", "answers", "client", "Content-Type", "X-Experience-API-Version",
            "id", "actor", "verb", "object", "result", "timestamp");

    /** What one produce-time sample covers: a single answer, or the answers of one batch or xAPI statement list together. */
    public enum Produce {
        SINGLE,
        GROUP;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    /** By {@link Produce}, then ok / failed: separate quantiles, so a batch's wait does not blur a single answer's. */
    private final Map<Produce, Timer> produceOk = new java.util.EnumMap<>(Produce.class);
    private final Map<Produce, Timer> produceFailed = new java.util.EnumMap<>(Produce.class);
    /** One counter per question kind, looked up once: the registry's lookup builds an id per call, and a batch counts hundreds. */
    private final Map<String, Counter> acceptedByKind = new ConcurrentHashMap<>();

    public AnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Produce produce : Produce.values()) {
            produceOk.put(produce, produceTimer(registry, "ok", produce));
            produceFailed.put(produce, produceTimer(registry, "failed", produce));
        }
    }

    public void accepted(String kind) {
        accepted(kind, 1);
    }

    /** {@code count} answers of one kind accepted (a batch counts once per kind). */
    public void accepted(String kind, int count) {
        acceptedByKind.computeIfAbsent(kind, k -> registry.counter("hone.answers.accepted", "kind", k)).increment(count);
    }

    public void rejected(String field, Reason reason) {
        registry.counter("hone.answers.rejected", "field", boundedField(field), "reason", reason.tag()).increment();
    }

    /**
     * Time from handing answers to the producer until the broker acknowledged (or refused) them: one sample per single
     * answer, and one per batch or xAPI list, until its last answer's acknowledgement ({@code failed} if any was refused).
     */
    public void produced(Duration latency, boolean ok, Produce what) {
        (ok ? produceOk : produceFailed).get(what).record(latency);
    }

    static String boundedField(String field) {
        if (field == null) {
            return "other";
        }
        // "[3].result.response" (an item of an array) -> "result"
        String head = field.replaceFirst("^\\[\\d+]\\.?", "").replaceAll("\\[\\d+]", "").split("\\.", 2)[0];
        return FIELDS.contains(head) ? head : "other";
    }

    private static Timer produceTimer(MeterRegistry registry, String outcome, Produce what) {
        return Timer.builder("hone.answers.produce")
                .description("from send to the broker's acknowledgement (acks=all): per single answer, per batch or statement list")
                .tag("outcome", outcome)
                .tag("request", what.tag())
                // quantiles computed in the process (a Prometheus summary): p99 readable per instance
                // without a query; Prometheus' exporter drops them if a histogram is asked for too
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }
}
