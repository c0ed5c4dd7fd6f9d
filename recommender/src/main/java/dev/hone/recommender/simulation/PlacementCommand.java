package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.placement.PlacementSettings;
import dev.hone.recommender.policy.QueuePolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./hone simulate --mode placement}: per profile, the error of the estimated masteries after a placement
 * against after as many round-robin answers ({@link PlacementExperiment}), and the answers to mastery of Hone's
 * policy with a placement first (placement answers included) against without.
 */
final class PlacementCommand {

    /** Which estimate each error is of, in the report itself: the baseline keeps the normal learner model's estimator. */
    private static final String ESTIMATORS = "{\"placementMae\": \"placement answers, the placement's posterior\","
            + " \"roundRobinMae\": \"round-robin answers, the learner model: the estimator a learner without placement gets (the baseline of maeReduction)\","
            + " \"roundRobinWithPlacementEstimatorMae\": \"round-robin answers, the placement's posterior\","
            + " \"placementAnswersModelMae\": \"placement answers, the learner model\","
            + " \"populationPriorBoundMae\": \"bound, reads the simulator: placement answers, the placement's posterior with the simulated population's own prior\","
            + " \"knownAbilityBoundMae\": \"bound, reads the simulator: every topic at the learner's hidden general ability\"}";

    private PlacementCommand() {
    }

    /** The placement's defaults with {@code --placement name=value} overrides (names as in {@link PlacementSettings}). */
    static PlacementSettings settings(Map<String, String> overrides) {
        PlacementSettings d = PlacementSettings.defaults();
        Map<String, String> left = new java.util.HashMap<>(overrides);
        try {
            PlacementSettings s = new PlacementSettings(
                    Integer.parseInt(left.getOrDefault("cap", Integer.toString(d.cap()))),
                    Double.parseDouble(left.getOrDefault("confidenceSd", Double.toString(d.confidenceSd()))),
                    Double.parseDouble(left.getOrDefault("abilitySd", Double.toString(d.abilitySd()))),
                    Double.parseDouble(left.getOrDefault("topicSd", Double.toString(d.topicSd()))),
                    Double.parseDouble(left.getOrDefault("prerequisiteCorrelation", Double.toString(d.prerequisiteCorrelation()))));
            left.keySet().removeAll(List.of("cap", "confidenceSd", "abilitySd", "topicSd", "prerequisiteCorrelation"));
            if (!left.isEmpty()) {
                throw new IllegalArgumentException("unknown --placement names " + left.keySet()
                        + " (known: cap, confidenceSd, abilitySd, topicSd, prerequisiteCorrelation)");
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--placement: " + e.getMessage(), e);
        }
    }

    static void run(Catalog catalog, LearnerEngines engines, QueuePolicy hone, PlacementSettings settings, List<Profile> profiles, int learners, long seed,
                    int threads, int budget, Path report) throws IOException {
        PlacementPolicy placement = new PlacementPolicy(catalog, settings);
        Simulation simulation = new Simulation(catalog, engines, hone, threads, placement);
        PlacementExperiment experiment = new PlacementExperiment(catalog, engines, placement, hone);
        List<String> json = new ArrayList<>();
        for (Profile profile : profiles) {
            Profile p = budget > 0 ? profile.withBudget(budget) : profile;
            long started = System.nanoTime();
            PlacementExperiment.Result e = experiment.run(p, learners, seed);
            Simulation.LearnerRun[] withoutRuns = simulation.runs(p, "hone", learners, seed);
            Simulation.LearnerRun[] withRuns = simulation.runs(p, Simulation.HONE_AFTER_PLACEMENT, learners, seed);
            double target = hone.settings().targetSuccess();
            PolicyResult without = Simulation.summarise(withoutRuns, p.budget(), target);
            PolicyResult with = Simulation.summarise(withRuns, p.budget(), target);
            PairedSaving paired = PairedSaving.of(withoutRuns, withRuns);
            System.out.printf(Locale.ROOT, "%nprofile %s: %d learners, seed %d, placement cap %d  [%.0f s]%n", p.name(), learners, seed,
                    placement.settings().cap(), (System.nanoTime() - started) / 1e9);
            System.out.println("| after the first answers | mean absolute error of per-topic mastery |");
            System.out.println("|---|---|");
            System.out.printf(Locale.ROOT, "| placement (%.1f answers on average), its estimates | %.4f |%n", e.meanPlacementAnswers(), e.placementMae());
            System.out.printf(Locale.ROOT, "| %d round-robin answers, learner model (the baseline: what a learner without placement gets) | %.4f |%n",
                    e.answers(), e.roundRobinMae());
            System.out.printf(Locale.ROOT, "| %d round-robin answers, placement's estimator | %.4f |%n", e.answers(), e.roundRobinEstimatorMae());
            System.out.printf(Locale.ROOT, "| placement answers, learner model | %.4f |%n", e.placementModelMae());
            System.out.printf(Locale.ROOT, "| bound: the placement's answers, its estimator with the simulated population's own prior | %.4f |%n",
                    e.populationPriorMae());
            System.out.printf(Locale.ROOT, "| bound: the hidden general ability known exactly, topics' own deviations not | %.4f |%n", e.oracleMae());
            System.out.printf(Locale.ROOT, "placement error %.1f%% lower than round-robin (goal: at least 40%%)%n", 100 * e.reduction());
            System.out.printf(Locale.ROOT, "median answers to mastery: hone %s, placement then hone %s (%s)%n", median(without), median(with),
                    SimulateCommand.saving(with.medianAnswersToMastery(), without.medianAnswersToMastery()));
            System.out.printf(Locale.ROOT, "same learners, answers saved by the placement (placement answers included): mean %.1f +- %.1f (se),"
                    + " faster %.1f%%, slower %.1f%%%n", paired.meanSaved(), paired.standardError(), 100 * paired.fasterShare(), 100 * paired.slowerShare());
            json.add(String.format(Locale.ROOT, "  {\"profile\": \"%s\", \"learners\": %d, \"seed\": %d, \"placementCap\": %d,"
                            + " \"meanPlacementAnswers\": %.2f, \"placementMae\": %.4f, \"roundRobinMae\": %.4f,"
                            + " \"roundRobinWithPlacementEstimatorMae\": %.4f, \"placementAnswersModelMae\": %.4f,"
                            + " \"populationPriorBoundMae\": %.4f, \"knownAbilityBoundMae\": %.4f, \"maeReduction\": %.4f,"
                            + " \"estimators\": " + ESTIMATORS + ","
                            + " \"medianAnswersToMastery\": {\"hone\": %s, \"placementThenHone\": %s},"
                            + " \"masteredShareAfterBudget\": {\"hone\": %.4f, \"placementThenHone\": %.4f},"
                            + " \"pairedAnswersSaved\": {\"mean\": %.2f, \"standardError\": %.2f, \"fasterShare\": %.4f, \"slowerShare\": %.4f}}",
                    p.name(), learners, seed, placement.settings().cap(), e.meanPlacementAnswers(), e.placementMae(), e.roundRobinMae(),
                    e.roundRobinEstimatorMae(), e.placementModelMae(), e.populationPriorMae(), e.oracleMae(), e.reduction(), median(without), median(with),
                    without.masteredShareAfterBudget(), with.masteredShareAfterBudget(), paired.meanSaved(), paired.standardError(),
                    paired.fasterShare(), paired.slowerShare()));
        }
        if (report != null) {
            Files.writeString(report, "[\n" + String.join(",\n", json) + "\n]\n", StandardCharsets.UTF_8);
            System.out.println("report written to " + report);
        }
    }

    private static String median(PolicyResult r) {
        return r.medianAnswersToMastery() == null ? "null" : String.format(Locale.ROOT, "%.0f", r.medianAnswersToMastery());
    }
}
