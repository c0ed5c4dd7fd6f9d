package dev.hone.model.readiness;

import dev.hone.model.Logistic;
import dev.hone.model.Mastery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How ready a learner is for an interview: the share of a typical interview's questions they would
 * answer correctly, predicted from their per-topic masteries and the weight each topic has in the
 * interview (a track's weights, or how often each skill is asked). Plain maths, no clock: the caller
 * evaluates the masteries at the time it wants.
 *
 * <p>The score is the weighted mean of the masteries. Its variance treats the topics' errors as sharing
 * {@code sharedShare} of their variance (every topic contains the learner's general ability; the rest is the
 * topic's own): {@code shared * (sum w s)^2 + (1 - shared) * sum (w s)^2}. Independent errors (0) would make
 * a new learner's interval far too narrow, fully shared ones (1) too wide; the learner model's and the
 * placement's priors put about half the variance in the general ability.
 *
 * <p>Practice gain: an hour on a topic is {@code answersPerHour} answers, each moving the topic's logit by
 * {@code logitGainPerAnswer} (about 0.1 per practice opportunity, Koedinger et al. 2023); the gain to the
 * score is the topic's share times the rise in its mastery.
 */
public final class Readiness {

    /** One topic of the interview: its weight (any scale, normalised here) and the learner's mastery of it. */
    public record Topic(String topicId, double weight, Mastery mastery) {
    }

    /** What an hour of practice on one topic would add to the score. */
    public record Gain(String topicId, double mastery, double gainPerHour) {
    }

    /** A 95% interval. */
    public record Interval(double low, double high, double sd) {
    }

    /**
     * How much more the share right on m questions spreads than the score's own uncertainty and independent
     * answers say, measured on past learners ({@code ReadinessReplay} fits it on a training log):
     * {@code extraVariance}, the error of the expected share the learner model's posterior does not carry (its
     * variances are tuned for predicting the next answer, not for intervals); {@code designEffect}, how many
     * times the binomial variance the answers of one learner spread (they come in runs of one skill and one
     * sitting, so they are fewer independent answers than they look).
     */
    public record Dispersion(double extraVariance, double designEffect) {
        public static final Dispersion NONE = new Dispersion(0, 1);

        public Dispersion {
            if (!(extraVariance >= 0) || !(designEffect >= 1)) {
                throw new IllegalArgumentException("dispersion: extraVariance must be >= 0 and designEffect >= 1");
            }
        }
    }

    /**
     * The score with its 95% interval and the topics that would raise it most per hour of practice. The
     * interval is the model's uncertainty about the expected share (the score itself); what a learner gets
     * right on a given number of questions spreads wider: {@link #onQuestions(int)}.
     */
    public record Score(double score, double low, double high, double sd, List<Gain> bestTopics) {

        /**
         * The 95% interval of the share answered right on {@code questions} questions drawn as the interview
         * draws them. Given the readiness R, one such question is right with probability R whatever topic it
         * comes from (the mix of topic masteries is exactly Bernoulli(R): the spread between topics is part of
         * R(1-R)), so the share right on m has variance R(1-R)/m; over R's own uncertainty (mean score, sd
         * {@code sd}) that is {@code sd^2 + (score(1-score) - sd^2)/m}. Normal approximation, clipped to [0, 1].
         */
        public Interval onQuestions(int questions) {
            return onQuestions(questions, Dispersion.NONE);
        }

        /** As {@link #onQuestions(int)}, with the dispersion measured on past learners added. */
        public Interval onQuestions(int questions, Dispersion dispersion) {
            if (questions < 1) {
                throw new IllegalArgumentException("questions must be at least 1");
            }
            double within = Math.max(0, score * (1 - score) - sd * sd);
            double spread = Math.sqrt(sd * sd + dispersion.extraVariance() + dispersion.designEffect() * within / questions);
            return new Interval(Math.max(0, score - Z95 * spread), Math.min(1, score + Z95 * spread), spread);
        }
    }

    private static final double Z95 = 1.96;

    public record Settings(double answersPerHour, double logitGainPerAnswer, int bestTopics, double sharedShare) {
        public Settings {
            if (!(answersPerHour > 0) || !(logitGainPerAnswer > 0) || bestTopics < 0 || !(sharedShare >= 0 && sharedShare <= 1)) {
                throw new IllegalArgumentException("readiness: answersPerHour and logitGainPerAnswer must be > 0, bestTopics >= 0,"
                        + " sharedShare in [0,1]");
            }
        }

        public static Settings defaults() {
            return new Settings(20, 0.1, 3, 0.5);
        }
    }

    private final Settings settings;

    public Readiness(Settings settings) {
        this.settings = settings;
    }

    public Score score(List<Topic> topics) {
        double total = topics.stream().mapToDouble(t -> Math.max(0, t.weight())).sum();
        if (topics.isEmpty() || total <= 0) {
            throw new IllegalArgumentException("readiness needs at least one topic with a positive weight");
        }
        double mean = 0;
        double sharedSd = 0;
        double ownVariance = 0;
        List<Gain> gains = new ArrayList<>();
        for (Topic t : topics) {
            double share = Math.max(0, t.weight()) / total;
            double m = clamp(t.mastery().mean());
            mean += share * m;
            sharedSd += share * t.mastery().sd();
            ownVariance += share * share * t.mastery().sd() * t.mastery().sd();
            double after = Logistic.sigmoid(Logistic.logit(m) + settings.answersPerHour() * settings.logitGainPerAnswer());
            gains.add(new Gain(t.topicId(), m, share * (after - m)));
        }
        double sd = Math.sqrt(settings.sharedShare() * sharedSd * sharedSd + (1 - settings.sharedShare()) * ownVariance);
        gains.sort(Comparator.comparingDouble(Gain::gainPerHour).reversed().thenComparing(Gain::topicId));
        return new Score(mean, Math.max(0, mean - Z95 * sd), Math.min(1, mean + Z95 * sd), sd,
                List.copyOf(gains.subList(0, Math.min(settings.bestTopics(), gains.size()))));
    }

    private static double clamp(double p) {
        return Math.max(1e-6, Math.min(1 - 1e-6, p));
    }
}
