package dev.hone.recommender.readiness;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Topic;
import dev.hone.model.readiness.Readiness;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.learner.TopicTally;

import java.util.List;

/**
 * A learner's readiness for a track's interviews: the model's {@link Readiness} over the track's topics,
 * each weighted by the track (a typical interview asks a topic as often as the track needs it), with the
 * masteries the learner view gives (the placement's, where the learner has not practised since). Plain Java.
 */
public final class TrackReadiness {

    /** One of the topics that would raise the score most per hour, with where to practise it. */
    public record BestTopic(String topicId, String name, double mastery, double gainPerHour, String practice) {
    }

    public record Result(String track, double score, double low, double high, long topicAnswers, List<BestTopic> bestTopics) {
    }

    private final Catalog catalog;
    private final Readiness readiness;

    public TrackReadiness(Catalog catalog, Readiness.Settings settings) {
        this.catalog = catalog;
        this.readiness = new Readiness(settings);
    }

    public Result of(LearnerView learner, String track) {
        if (!catalog.hasTrack(track)) {
            throw new IllegalArgumentException("unknown track '" + track + "'");
        }
        List<Readiness.Topic> topics = catalog.topics().stream()
                .filter(t -> t.weightIn(track) > 0 && !catalog.questionsOf(t.id()).isEmpty())
                .map(t -> new Readiness.Topic(t.id(), t.weightIn(track), learner.masteryDetail(t.id())))
                .toList();
        Readiness.Score score = readiness.score(topics);
        List<BestTopic> best = score.bestTopics().stream()
                .map(g -> new BestTopic(g.topicId(), catalog.topic(g.topicId()).map(Topic::name).orElse(g.topicId()), g.mastery(),
                        g.gainPerHour(), "/practice/?topic=" + g.topicId()))
                .toList();
        long answers = learner.state().topics().values().stream().mapToLong(TopicTally::answers).sum();
        return new Result(track, score.score(), score.low(), score.high(), answers, best);
    }
}
