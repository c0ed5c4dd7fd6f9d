package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.policy.PolicySettings;
import dev.hone.recommender.policy.QueuePolicy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./hone simulate --learners 1000 --policy NAME|all [--seed N] [--profile FILE] [--report OUT.json]
 * [--budget N] [--threads N] [--params FILE] [--model NAME] [--settings FILE] [--set name=value]... [--pilot N] [--pilot-answers N]}:
 * runs simulated learners against Hone's policy and the baselines and prints one table per profile. {@code --pilot N}
 * first calibrates the questions from N pilot learners' answers (see {@link Simulation.Pilot}). Exit 2 on a usage error.
 */
public final class SimulateCommand {

    private static final String USAGE = "usage: ./hone simulate [--learners N] [--policy hone|random|round-robin|lowest-mastery-first|all]"
            + " [--mode policies|placement] [--placement name=value]... [--seed N] [--profile FILE] [--report OUT.json] [--budget N] [--threads N] [--params FILE] [--model NAME] [--settings FILE] [--set name=value]... [--pilot N] [--pilot-answers N]";

    private SimulateCommand() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Catalog catalog = Catalog.bundled();
        LearnerEngines engines = new LearnerEngines(LearnerEngines.loadParams(options.params), options.model, catalog);
        QueuePolicy hone = new QueuePolicy(catalog, options.settings());
        if (options.mode.equals("placement")) {
            PlacementCommand.run(catalog, engines, hone, options.placementSettings, options.profiles, options.learners, options.seed, options.threads, options.budget,
                    options.report);
            return;
        }
        Simulation simulation = new Simulation(catalog, engines, hone, options.threads,
                new Simulation.Pilot(options.pilotLearners, options.pilotAnswers));
        List<Entry> entries = new ArrayList<>();
        for (Profile profile : options.profiles) {
            Profile run = options.budget > 0 ? profile.withBudget(options.budget) : profile;
            Map<String, PolicyResult> results = new LinkedHashMap<>();
            long started = System.nanoTime();
            for (String policy : options.policies) {
                results.put(policy, simulation.run(run, policy, options.learners, options.seed));
            }
            Entry entry = new Entry(run, options.learners, options.seed, results);
            entries.add(entry);
            printTable(System.out, entry, hone.settings().targetSuccess(), (System.nanoTime() - started) / 1e9);
        }
        if (options.report != null) {
            Files.writeString(options.report, Report.json(entries), StandardCharsets.UTF_8);
            System.out.println("report written to " + options.report);
        }
    }

    record Entry(Profile profile, int learners, long seed, Map<String, PolicyResult> policies) {
    }

    static void printTable(PrintStream out, Entry e, double target, double seconds) {
        Profile p = e.profile();
        out.printf(Locale.ROOT, "%nprofile %s: %d learners, seed %d, budget %d answers (run up to %d), target %.2f  [%.0f s]%n",
                p.name(), e.learners(), e.seed(), p.budget(), p.maxAnswers(), target, seconds);
        out.println("| policy | median answers to mastery | vs hone | mastered within budget | success rate | target adherence | windows in band |");
        out.println("|---|---|---|---|---|---|---|");
        Double honeMedian = e.policies().containsKey("hone") ? e.policies().get("hone").medianAnswersToMastery() : null;
        e.policies().forEach((name, r) -> out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f | %.3f |%n", name,
                r.medianAnswersToMastery() == null ? "> " + p.maxAnswers() : String.format(Locale.ROOT, "%.0f", r.medianAnswersToMastery()),
                saving(honeMedian, r.medianAnswersToMastery()), r.masteredShareAfterBudget(), r.meanSuccessRate(),
                r.targetAdherence(), r.windowsInBand()));
    }

    /** How many fewer answers Hone needs than this policy, in percent of this policy's. */
    static String saving(Double hone, Double other) {
        if (hone == null || other == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100 * (other - hone) / other);
    }

    static final class Options {
        int learners = 1000;
        List<String> policies = SimPolicy.NAMES;
        long seed = 42;
        List<Profile> profiles = new ArrayList<>();
        Path report;
        int budget;
        int threads = Runtime.getRuntime().availableProcessors();
        String params;
        String model = "elo-pfa";
        Path settingsFile;
        Map<String, String> set = new LinkedHashMap<>();
        String mode = "policies";
        Map<String, String> placement = new LinkedHashMap<>();
        dev.hone.recommender.placement.PlacementSettings placementSettings;
        int pilotLearners;
        int pilotAnswers = 200;

        PolicySettings settings() {
            PolicySettings base = settingsFile == null ? PolicySettings.defaults() : SettingsFile.load(settingsFile, PolicySettings.defaults());
            return SettingsFile.apply(base, set);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("-h") || flag.equals("--help")) {
                    throw new IllegalArgumentException("");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--learners" -> o.learners = positive(flag, value);
                    case "--policy" -> o.policies = value.equals("all") ? SimPolicy.NAMES : List.of(known(value));
                    case "--seed" -> o.seed = Long.parseLong(value);
                    case "--placement" -> {
                        int eq = value.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--placement needs name=value, not '" + value + "'");
                        }
                        o.placement.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
                    }
                    case "--mode" -> {
                        if (!value.equals("policies") && !value.equals("placement")) {
                            throw new IllegalArgumentException("--mode is policies or placement, not '" + value + "'");
                        }
                        o.mode = value;
                    }
                    case "--profile" -> o.profiles.add(Profile.load(Path.of(value)));
                    case "--report" -> o.report = Path.of(value);
                    case "--budget" -> o.budget = positive(flag, value);
                    case "--threads" -> o.threads = positive(flag, value);
                    case "--params" -> o.params = value;
                    case "--model" -> o.model = value;
                    case "--pilot" -> o.pilotLearners = value.equals("0") ? 0 : positive(flag, value);
                    case "--pilot-answers" -> o.pilotAnswers = positive(flag, value);
                    case "--settings" -> o.settingsFile = Path.of(value);
                    case "--set" -> {
                        int eq = value.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--set needs name=value, not '" + value + "'");
                        }
                        o.set.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
                    }
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            o.placementSettings = PlacementCommand.settings(o.placement);
            if (o.profiles.isEmpty()) {
                Profile.SHIPPED.forEach(name -> o.profiles.add(Profile.shipped(name)));
            }
            return o;
        }

        private static String known(String policy) {
            if (!SimPolicy.NAMES.contains(policy)) {
                throw new IllegalArgumentException("unknown policy '" + policy + "' (known: " + String.join(", ", SimPolicy.NAMES) + ", all)");
            }
            return policy;
        }

        private static int positive(String flag, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a whole number >= 1, not '" + value + "'");
            }
        }
    }
}
