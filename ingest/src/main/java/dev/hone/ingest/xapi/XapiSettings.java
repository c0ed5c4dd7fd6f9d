package dev.hone.ingest.xapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * xAPI on ingest ({@code hone.xapi.*}); the stored answers it emits come from analytics
 * ({@code hone.analytics.url}).
 *
 * @param activityBase    the IRI prefix of Hone's questions: a statement's {@code object.id} is
 *                        this prefix followed by the question id
 * @param maxStatements   the most statements one POST may hold, and the most one GET returns
 */
@ConfigurationProperties("hone.xapi")
public record XapiSettings(
        @DefaultValue("https://hone.dev/questions/") String activityBase,
        @DefaultValue("500") int maxStatements) {
}
