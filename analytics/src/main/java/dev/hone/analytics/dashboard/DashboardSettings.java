package dev.hone.analytics.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the dashboards show and when they raise a flag.
 *
 * @param queueUrl             where a learner's queue is served (ingest), {id} replaced by the learner
 * @param defaultRangeDays     date range when none is given, ending today
 * @param inactiveDays         at risk: no answer for this many days
 * @param trendDays            at risk: accuracy of the last trendDays is compared with the trendDays before
 * @param fallingAccuracyDrop  at risk: accuracy fell by at least this much between the two periods
 * @param minTrendAnswers      at risk: answers each period needs before a fall counts
 * @param lowMastery           at risk: mastery below this in a core topic of the learner's track
 * @param coreTopicWeight      a topic is core to a track when its catalog weight is at least this
 * @param tooEasy              flag: proportion correct above this
 * @param tooHard              flag: proportion correct below this
 * @param lowDiscrimination    flag: point-biserial below this
 * @param rareDistractor       flag: a distractor chosen by fewer than this share of answers
 * @param minFlagAnswers       questions with fewer answers are not flagged
 * @param discriminationRefresh how often the discrimination snapshots of the default range are recomputed
 * @param discriminationTimeout socket timeout of one snapshot query: it runs in the background and takes
 *                              seconds to a minute over 10M answers, far above hone.clickhouse.query-timeout
 */
@ConfigurationProperties("hone.dashboards")
public record DashboardSettings(
        @DefaultValue("http://127.0.0.1:8080/api/v1/learners/{id}/queue") String queueUrl,
        @DefaultValue("182") int defaultRangeDays,
        @DefaultValue("7") int inactiveDays,
        @DefaultValue("14") int trendDays,
        @DefaultValue("0.15") double fallingAccuracyDrop,
        @DefaultValue("5") int minTrendAnswers,
        @DefaultValue("0.4") double lowMastery,
        @DefaultValue("0.8") double coreTopicWeight,
        @DefaultValue("0.95") double tooEasy,
        @DefaultValue("0.2") double tooHard,
        @DefaultValue("0.1") double lowDiscrimination,
        @DefaultValue("0.02") double rareDistractor,
        @DefaultValue("20") int minFlagAnswers,
        @DefaultValue("10m") java.time.Duration discriminationRefresh,
        @DefaultValue("10m") java.time.Duration discriminationTimeout) {
}
