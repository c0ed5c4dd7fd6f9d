package dev.hone.recommender.placement;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.catalog.Topic;
import dev.hone.model.item.ItemBank;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.learner.PlacedAnswer;
import dev.hone.recommender.policy.QueueItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The placement: a learner's first questions chosen to learn the most about them per answer. The belief
 * about the track's topics ({@link TopicPrior}: general ability plus prerequisite-linked deviations) is
 * replayed from the placement's answers; the next question is the one whose answer is expected to shrink
 * the track-weighted uncertainty of the masteries most ({@link Posterior#information}), over every topic of
 * the track, never one asked before. It stops when that uncertainty is below the confidence sd, or at the
 * cap. Plain Java, no clock: the API and the simulator run the same code.
 */
public final class PlacementPolicy {

    public static final String REASON_CODE = "placement";

    private final Catalog catalog;
    private final PlacementSettings settings;
    private final Map<String, Posterior> priors = new ConcurrentHashMap<>();

    public PlacementPolicy(Catalog catalog, PlacementSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    public PlacementSettings settings() {
        return settings;
    }

    /** The placement after {@code answers} (a learner's first answers, in order); answers after its end are ignored. */
    public Placement replay(String track, List<PlacedAnswer> answers) {
        List<String> topicIds = trackTopics(track);
        double[] weights = weights(track, topicIds);
        Posterior posterior = prior(track, topicIds);
        Set<String> asked = new HashSet<>();
        Map<String, Integer> perTopic = new HashMap<>();
        int answered = 0;
        for (PlacedAnswer answer : answers) {
            if (stop(answered, posterior, weights) != Placement.Status.IN_PROGRESS) {
                break;
            }
            answered++;
            asked.add(answer.questionId());
            Question q = catalog.question(answer.questionId()).orElse(null);
            int k = q == null ? -1 : topicIds.indexOf(q.topic());
            if (k >= 0) {
                posterior.observe(k, difficulty(q), guess(q), answer.score());
                perTopic.merge(q.topic(), 1, Integer::sum);
            }
        }
        return new Placement(track, topicIds, posterior, weights, answered, stop(answered, posterior, weights), asked, perTopic);
    }

    /** The learner's placement as their state records it. */
    public Placement of(LearnerState state) {
        return state.placement() == null ? notAvailable(state.track()) : replay(state.track(), state.placement());
    }

    /**
     * The view the normal queue and readiness use: after a completed placement, the placement's estimates for
     * the topics not practised since; before (or without) one, the model's.
     */
    public LearnerView afterPlacement(LearnerView view) {
        Placement placement = of(view.state());
        return placement.answered() > 0 && placement.complete() ? new PlacedLearnerView(view, placement) : view;
    }

    /**
     * The view readiness uses: the placement's estimates (with their honest, population-wide uncertainty) for the
     * topics not practised since the learner's first answers, even while the placement is in progress, so a learner
     * with few answers gets a wide interval; the model's for a learner who predates placement. Any track: the
     * first answers are replayed over that track's topics.
     */
    public LearnerView forReadiness(LearnerView view, String track) {
        List<PlacedAnswer> first = view.state().placement();
        return first == null ? view : new PlacedLearnerView(view, replay(track, first));
    }

    /** A placement that cannot run: the learner answered before first answers were kept. */
    public Placement notAvailable(String track) {
        List<String> topicIds = trackTopics(track);
        return new Placement(track, topicIds, prior(track, topicIds), weights(track, topicIds), 0,
                Placement.Status.NOT_AVAILABLE, Set.of(), Map.of());
    }

    /**
     * The next questions of the placement (none once it is complete), at most the cap's remainder; after each
     * pick the uncertainty is updated as the answer would (the covariance does not depend on the outcome), so a
     * batch spreads over the topics as answering one at a time would.
     */
    public List<QueueItem> next(Placement placement, Set<String> excluded, int n) {
        if (placement.complete()) {
            return List.of();
        }
        Posterior belief = new Posterior(placement.posterior());
        Set<String> taken = new HashSet<>(excluded);
        taken.addAll(placement.asked());
        List<QueueItem> out = new ArrayList<>();
        int limit = Math.min(n, settings.cap() - placement.answered());
        while (out.size() < limit) {
            Question best = null;
            int bestTopic = -1;
            double bestGain = -1;
            for (int k = 0; k < placement.topicIds().size(); k++) {
                for (Question q : catalog.questionsOf(placement.topicIds().get(k))) {
                    if (taken.contains(q.id()) || !inTrack(q, placement.track())) {
                        continue;
                    }
                    double gain = belief.information(k, difficulty(q), guess(q), placement.weights());
                    if (gain > bestGain || (gain == bestGain && q.id().compareTo(best.id()) < 0)) {
                        best = q;
                        bestTopic = k;
                        bestGain = gain;
                    }
                }
            }
            if (best == null) {
                break;
            }
            taken.add(best.id());
            belief.expect(bestTopic, difficulty(best), guess(best));
            out.add(item(placement, best, placement.answered() + out.size() + 1, belief.predicted(bestTopic, difficulty(best), guess(best))));
        }
        return out;
    }

    private QueueItem item(Placement placement, Question q, int number, double predicted) {
        String topic = catalog.topic(q.topic()).map(Topic::name).orElse(q.topic());
        String reason = String.format(Locale.ROOT, "placement question %d of at most %d: finding where you stand in %s",
                number, settings.cap(), topic);
        return new QueueItem(q.id(), q.topic(), REASON_CODE, reason, predicted);
    }

    private Placement.Status stop(int answered, Posterior posterior, double[] weights) {
        if (answered >= settings.cap()) {
            return Placement.Status.CAP;
        }
        return Placement.meanSd(posterior, weights) <= settings.confidenceSd() ? Placement.Status.CONFIDENT : Placement.Status.IN_PROGRESS;
    }

    /**
     * Topics of the track that have questions (every topic when the track is unknown): the ones readiness scores.
     * A topic whose questions are all tagged for other tracks is believed about (the answers on related topics
     * inform it) but never asked ({@link #next}).
     */
    List<String> trackTopics(String track) {
        boolean known = catalog.topics().stream().anyMatch(t -> t.weightIn(track) > 0);
        return catalog.topics().stream()
                .filter(t -> (!known || t.weightIn(track) > 0) && !catalog.questionsOf(t.id()).isEmpty())
                .map(Topic::id).toList();
    }

    private double[] weights(String track, List<String> topicIds) {
        boolean known = catalog.topics().stream().anyMatch(t -> t.weightIn(track) > 0);
        return topicIds.stream().mapToDouble(id -> known ? catalog.topic(id).orElseThrow().weightIn(track) : 1.0).toArray();
    }

    private Posterior prior(String track, List<String> topicIds) {
        return new Posterior(priors.computeIfAbsent(track, t -> TopicPrior.of(catalog, topicIds, settings)));
    }

    /** A question tagged for some tracks only is not served to another track. */
    private static boolean inTrack(Question q, String track) {
        return q.tracks().isEmpty() || q.tracks().contains(track);
    }

    /** The catalog's difficulty on the model's logit scale (the calibrated difficulty is not needed to rank items). */
    private static double difficulty(Question q) {
        return ItemBank.priorForCatalogDifficulty(q.difficulty());
    }

    /** Guessing floor: one option in n for a single choice; the other kinds are hard to guess. */
    private static double guess(Question q) {
        return q.kind() == QuestionKind.SINGLE_CHOICE && !q.options().isEmpty() ? 1.0 / q.options().size() : 0;
    }
}
