package dev.hone.ingest.xapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * xAPI on ingest ({@code hone.xapi.*}).
 *
 * @param activityBase    the IRI prefix of Hone's questions: a statement's {@code object.id} is
 *                        this prefix followed by the question id
 * @param analyticsUrl    where Hone's stored answers are read for {@code GET /xapi/statements}
 *                        (the analytics service's ClickHouse answers)
 * @param analyticsTimeout how long that read may take
 * @param maxStatements   the most statements one POST may hold, and the most one GET returns
 */
@ConfigurationProperties("hone.xapi")
public record XapiSettings(
        @DefaultValue("https://hone.dev/questions/") String activityBase,
        @DefaultValue("http://127.0.0.1:8082") String analyticsUrl,
        @DefaultValue("5s") Duration analyticsTimeout,
        @DefaultValue("500") int maxStatements) {
}
