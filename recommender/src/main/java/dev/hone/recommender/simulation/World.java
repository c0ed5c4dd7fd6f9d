package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the simulation holds true and the policies never see: each question's difficulty and
 * guessing floor (drawn once per profile and seed, the same for every policy), the topics as
 * indices with their prerequisites, and each track's topics.
 */
final class World {

    final Catalog catalog;
    final Profile profile;
    final List<Topic> topics;
    final Map<String, Integer> topicIndex = new HashMap<>();
    final int[][] prerequisites;
    private final Map<String, double[]> items = new HashMap<>();
    /** Null when topics start independently (population.prerequisiteCorrelation 0). */
    private final double[][] startLoadings;

    World(Catalog catalog, Profile profile, long seed) {
        this.catalog = catalog;
        this.profile = profile;
        this.topics = List.copyOf(catalog.topics());
        for (int i = 0; i < topics.size(); i++) {
            topicIndex.put(topics.get(i).id(), i);
        }
        prerequisites = new int[topics.size()][];
        for (int i = 0; i < topics.size(); i++) {
            prerequisites[i] = topics.get(i).prerequisites().stream().filter(topicIndex::containsKey).mapToInt(topicIndex::get).toArray();
        }
        startLoadings = profile.prerequisiteCorrelation() > 0 ? startLoadings(profile.prerequisiteCorrelation()) : null;
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x17E45L));
        for (Question q : catalog.questions()) {
            double b = profile.difficultyPerLevel() * (q.difficulty() - 3) + profile.difficultyNoiseSd() * Seeds.gaussian(random);
            double guess = switch (q.kind()) {
                case SINGLE_CHOICE -> profile.guessSingleChoice();
                case MULTI_CHOICE -> profile.guessMultiChoice();
                default -> 0;
            };
            items.put(q.id(), new double[] {b, guess});
        }
    }

    /**
     * A learner's topic deviations (unit sd) from independent draws {@code noise}: each topic its own draw plus
     * {@code population.prerequisiteCorrelation} times the mean deviation of its prerequisites, rescaled to unit
     * sd. With 0 (every shipped profile) the draws themselves.
     */
    double[] deviations(double[] noise) {
        if (startLoadings == null) {
            return noise;
        }
        double[] out = new double[noise.length];
        for (int k = 0; k < noise.length; k++) {
            double[] row = startLoadings[k];
            for (int j = 0; j < noise.length; j++) {
                out[k] += row[j] * noise[j];
            }
        }
        return out;
    }

    /** Each row rescaled to unit length, so a topic's deviation keeps sd topicSd whatever its prerequisites. */
    private double[][] startLoadings(double rho) {
        double[][] raw = new double[topics.size()][];
        double[][] rows = new double[raw.length][];
        for (int k = 0; k < raw.length; k++) {
            double[] row = loadings(k, rho, raw);
            double norm = Math.sqrt(Arrays.stream(row).map(x -> x * x).sum());
            rows[k] = Arrays.stream(row).map(x -> x / norm).toArray();
        }
        return rows;
    }

    /** Unnormalised: own noise plus rho times the mean of the prerequisites' (the catalog's prerequisites form a DAG). */
    private double[] loadings(int k, double rho, double[][] memo) {
        if (memo[k] != null) {
            return memo[k];
        }
        double[] row = new double[topics.size()];
        row[k] = 1;
        for (int p : prerequisites[k]) {
            double[] parent = loadings(p, rho, memo);
            for (int j = 0; j < row.length; j++) {
                row[j] += rho * parent[j] / prerequisites[k].length;
            }
        }
        memo[k] = row;
        return row;
    }

    double difficulty(Question q) {
        return items.get(q.id())[0];
    }

    double guess(Question q) {
        return items.get(q.id())[1];
    }

    /** Indices of the topics a track needs (weight above 0) that have questions. */
    int[] trackTopics(String track) {
        return topics.stream().filter(t -> t.weightIn(track) > 0 && !catalog.questionsOf(t.id()).isEmpty())
                .mapToInt(t -> topicIndex.get(t.id())).toArray();
    }
}
