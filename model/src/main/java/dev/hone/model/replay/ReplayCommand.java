package dev.hone.model.replay;

import dev.hone.model.LearnerModel;
import dev.hone.model.Params;
import dev.hone.model.data.AnswerLog;
import dev.hone.model.data.BadRowException;
import dev.hone.model.data.BadRows;
import dev.hone.model.data.Ids;
import dev.hone.model.data.LearnerSplit;
import dev.hone.model.eval.Json;
import dev.hone.model.item.ItemBank;
import dev.hone.model.registry.LearnerModels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * {@code ./hone replay FILE [--train TRAIN] [--split-learners F] [--model NAME|all|A,B] [--params FILE]
 * [--report OUT.json] [--by-skill] [--strict]}: prequential evaluation of one or more models on an
 * interaction log, one table row per model.
 */
public final class ReplayCommand {

    static final String USAGE = """
            usage: replay FILE [--train TRAIN_FILE | --split-learners FRACTION] [--model NAME|all|NAME,NAME]
                              [--params FILE] [--report OUT.json] [--by-skill] [--strict] [--readiness]
                              [--skill-correlation]
              --train F            fit the global parameters on F, stream F through the model, score only FILE
              --split-learners X   fit on a share X of FILE's learners (by a hash of their id), score the others
              --model              %s (default %s), a comma list, or all
              --params F           load parameters written by 'fit' instead of fitting
              --report F           write the figures as JSON
              --by-skill           add the AUC of each skill
              --strict             stop at the first bad row
              --readiness          (with --train) readiness from each learner's first half of answers against
                                   their accuracy on the second half: correlation, 10-bin calibration and
                                   interval coverage (dispersion measured on the --train learners)
              --skill-correlation  how strongly a learner's level on one skill follows their level on others
                                   (first two answers per learner and skill; the simulator's topicSd check)
            """.formatted(String.join(", ", LearnerModels.NAMES), LearnerModels.DEFAULT);

    private ReplayCommand() {
    }

    public static void main(String[] argv) {
        try {
            System.exit(run(argv, System.out, System.err));
        } catch (IllegalArgumentException e) {
            System.err.println("replay: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (BadRowException e) {
            System.err.println("replay: " + e.getMessage());
            System.exit(3);
        } catch (IOException e) {
            System.err.println("replay: " + e);
            System.exit(1);
        }
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
        Args args = args(argv);
        if (args.has("--help") || args.positional().size() != 1) {
            err.print(USAGE);
            return args.has("--help") ? 0 : 2;
        }
        if (args.has("--skill-correlation")) {
            Path file = Path.of(args.positional().get(0)).toAbsolutePath();
            SkillCorrelation.Result result = SkillCorrelation.of(AnswerLog.read(file, new Ids(), new BadRows(), args.has("--strict"), l -> true));
            printSkillCorrelation(file, result, out);
            if (args.has("--report")) {
                Files.writeString(args.path("--report"), Json.write(skillCorrelationJson(file, result)), StandardCharsets.UTF_8);
            }
            return 0;
        }
        if (args.has("--readiness")) {
            ReadinessReplay.Result result = readiness(args, err);
            ReadinessTable.print(result, out);
            if (args.has("--report")) {
                Files.writeString(args.path("--report"), Json.write(result.toJson()), StandardCharsets.UTF_8);
            }
            return 0;
        }
        List<ModelResult> results = replay(args, err);
        Table.print(results, out);
        if (args.has("--by-skill")) {
            Table.printBySkill(results, out);
        }
        if (args.has("--report")) {
            Files.writeString(args.path("--report"), Json.write(report(args, results)), StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** The simulator's shipped population: general abilities of this sd (recommender's simulation profiles). */
    private static final double SIMULATOR_ABILITY_SD = 0.8;

    private static void printSkillCorrelation(Path file, SkillCorrelation.Result r, PrintStream out) {
        out.printf("skill correlation of %s: %,d learners, %,d learner-skill pairs (first two answers on single-skill items)%n",
                file.getFileName(), r.learners(), r.pairs());
        out.printf("covariance within a skill %.4f, across two skills %.4f: correlation %.2f%n",
                r.withinSkill(), r.acrossSkills(), r.correlation());
        out.printf("with general abilities of sd %.1f (the simulator's), that is a topic sd of %.2f (the shipped profiles: 0.8, correlation 0.50)%n",
                SIMULATOR_ABILITY_SD, r.impliedTopicSd(SIMULATOR_ABILITY_SD));
    }

    private static Map<String, Object> skillCorrelationJson(Path file, SkillCorrelation.Result r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.getFileName().toString());
        json.put("learners", r.learners());
        json.put("pairs", r.pairs());
        json.put("withinSkillCovariance", r.withinSkill());
        json.put("acrossSkillsCovariance", r.acrossSkills());
        json.put("correlation", r.correlation());
        json.put("impliedTopicSd", r.impliedTopicSd(SIMULATOR_ABILITY_SD));
        json.put("abilitySd", SIMULATOR_ABILITY_SD);
        return json;
    }

    private static Args args(String[] argv) {
        return new Args(argv, Set.of("--by-skill", "--strict", "--help", "--readiness", "--skill-correlation"),
                Set.of("--train", "--model", "--params", "--report", "--split-learners"));
    }

    /** The replay without printing: one result per model, in the order asked for. */
    public static List<ModelResult> replay(String[] argv, PrintStream err) throws IOException {
        Args args = args(argv);
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("expected one FILE, got " + args.positional());
        }
        return replay(args, err);
    }

    private static List<ModelResult> replay(Args args, PrintStream err) throws IOException {
        Path file = Path.of(args.positional().get(0)).toAbsolutePath();
        List<String> models = LearnerModels.parse(args.get("--model", LearnerModels.DEFAULT));
        boolean strict = args.has("--strict");
        Path train = args.path("--train");
        double split = Double.parseDouble(args.get("--split-learners", "0"));
        if (train != null && split > 0) {
            throw new IllegalArgumentException("--train and --split-learners exclude each other");
        }
        if (split < 0 || split >= 1) {
            throw new IllegalArgumentException("--split-learners must be in (0, 1)");
        }
        Params loaded = args.has("--params") ? Params.load(args.path("--params")) : null;

        Ids ids = new Ids();
        AnswerLog trainLog = null;
        IntPredicate scored = l -> true;
        if (train != null) {
            trainLog = AnswerLog.read(train, ids, new BadRows(), strict, l -> true);
            err.printf("read %,d training answers from %s%n", trainLog.size(), train.getFileName());
        } else if (split > 0) {
            trainLog = AnswerLog.read(file, ids, new BadRows(), strict,
                    l -> LearnerSplit.inFirstPart(ids.learners().name(l), split));
            scored = l -> !LearnerSplit.inFirstPart(ids.learners().name(l), split);
            err.printf("fitting on %,d answers of %.0f%% of the learners, scoring the others%n", trainLog.size(), split * 100);
        }

        if (trainLog != null && trainLog.size() == 0) {
            throw new IllegalArgumentException("no answers to fit on" + (split > 0 ? " in the learners' training share" : ""));
        }
        List<ModelResult> results = new ArrayList<>();
        for (String name : models) {
            Params params = loaded;
            if (params == null) {
                params = trainLog == null ? new Params() : fit(name, trainLog, err);
            }
            if (params.withPrefix(name + ".").isEmpty()) {
                err.printf("no parameters for %s: it runs with unfitted defaults%n", name);
            }
            LearnerModel model = LearnerModels.create(name, params, ids.skills());
            ItemBank items = LearnerModels.items(name, params, ids.items());
            Replay replay = new Replay(model, items);
            if (train != null) {
                // Items fitted on the training file already hold its answers: learn only the learners from it.
                replay.warmUp(trainLog, !params.asMap().keySet().stream().anyMatch(k -> k.startsWith(name + ".item.")));
            }
            results.add(replay.score(file, ids, strict, scored, args.has("--by-skill")));
        }
        return results;
    }

    /** Learners with fewer answers than this are left out of the readiness check (at least 10 per half). */
    static final int READINESS_MIN_ANSWERS = 20;

    private static ReadinessReplay.Result readiness(Args args, PrintStream err) throws IOException {
        Path train = args.path("--train");
        if (train == null) {
            throw new IllegalArgumentException("--readiness needs --train (the model is fitted and its items calibrated on it)");
        }
        String name = args.get("--model", LearnerModels.DEFAULT);
        if (LearnerModels.parse(name).size() != 1) {
            throw new IllegalArgumentException("--readiness checks one model, not '" + name + "'");
        }
        boolean strict = args.has("--strict");
        Ids ids = new Ids();
        AnswerLog trainLog = AnswerLog.read(train, ids, new BadRows(), strict, l -> true);
        AnswerLog testLog = AnswerLog.read(Path.of(args.positional().get(0)), ids, new BadRows(), strict, l -> true);
        err.printf("read %,d training and %,d test answers%n", trainLog.size(), testLog.size());
        Params params = args.has("--params") ? Params.load(args.path("--params")) : fit(name, trainLog, err);
        LearnerModel model = LearnerModels.create(name, params, ids.skills());
        ItemBank items = LearnerModels.items(name, params, ids.items());
        new Replay(model, items).warmUp(trainLog, !params.asMap().keySet().stream().anyMatch(k -> k.startsWith(name + ".item.")));
        return new ReadinessReplay(model, items).run(trainLog, testLog, READINESS_MIN_ANSWERS);
    }

    private static Params fit(String name, AnswerLog trainLog, PrintStream err) {
        long start = System.nanoTime();
        err.printf("fitting %s ...%n", name);
        Params p = LearnerModels.fit(name, trainLog, err);
        err.printf("fitted %s in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        return p;
    }

    /**
     * The production model's figures (or the first model's, if it was not run) at the top level, in the
     * issue's report format; every model's under "models".
     */
    static Map<String, Object> report(Args args, List<ModelResult> results) {
        Path file = Path.of(args.positional().get(0));
        Path train = args.path("--train");
        double split = Double.parseDouble(args.get("--split-learners", "0"));
        ModelResult main = results.stream().filter(r -> r.model().equals(LearnerModels.DEFAULT)).findFirst()
                .orElse(results.get(0));
        Map<String, Object> m = new LinkedHashMap<>(main.toJson());
        m.put("file", file.getFileName().toString());
        m.put("train", train == null ? null : train.getFileName().toString());
        if (split > 0) {
            m.put("splitLearners", split);
        }
        m.put("models", results.stream().map(ModelResult::toJson).toList());
        return m;
    }
}
