package dev.hone.recommender.placement;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Topic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The belief about a new learner's topics before any answer: every topic is the learner's general ability
 * plus the topic's own deviation, and a topic inherits part of its deviation from its prerequisites
 * (deviation = own noise + correlation x mean deviation of the prerequisites, down the catalog's DAG), so
 * a learner who shows a topic is likely to hold what it builds on, and the other way round. The deviations
 * are rescaled to the same sd, so the prerequisite structure changes who is related, not how spread a topic is.
 * Every topic's prior mean is the settings' (the service's is readiness's {@code UnpractisedPrior}).
 */
final class TopicPrior {

    private TopicPrior() {
    }

    static Posterior of(Catalog catalog, List<String> topicIds, PlacementSettings settings) {
        int n = topicIds.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(topicIds.get(i), i);
        }
        double[][] loadings = new double[n][];
        for (int i = 0; i < n; i++) {
            loadings(catalog, topicIds.get(i), index, settings.prerequisiteCorrelation(), loadings);
        }
        double ability = settings.abilitySd() * settings.abilitySd();
        double topic = settings.topicSd() * settings.topicSd();
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = ability + topic * dot(loadings[i], loadings[j]) / Math.sqrt(dot(loadings[i], loadings[i]) * dot(loadings[j], loadings[j]));
            }
        }
        double[] mean = new double[n];
        Arrays.fill(mean, settings.priorMean());
        return new Posterior(mean, cov);
    }

    /** A topic's deviation as a combination of every topic's own noise (memoised; the catalog's prerequisites form a DAG). */
    private static double[] loadings(Catalog catalog, String topicId, Map<String, Integer> index, double rho, double[][] memo) {
        int i = index.get(topicId);
        if (memo[i] != null) {
            return memo[i];
        }
        double[] row = new double[index.size()];
        row[i] = 1;
        List<String> prerequisites = catalog.topic(topicId).map(Topic::prerequisites).orElse(List.of()).stream()
                .filter(index::containsKey).toList();
        for (String p : prerequisites) {
            double[] parent = loadings(catalog, p, index, rho, memo);
            for (int j = 0; j < row.length; j++) {
                row[j] += rho * parent[j] / prerequisites.size();
            }
        }
        memo[i] = row;
        return row;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
