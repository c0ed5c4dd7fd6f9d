package dev.hone.model.fit;

import dev.hone.model.Params;
import dev.hone.model.data.AnswerLog;
import dev.hone.model.data.BadRowException;
import dev.hone.model.data.BadRows;
import dev.hone.model.data.Ids;
import dev.hone.model.registry.LearnerModels;
import dev.hone.model.replay.Args;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ./hone fit TRAIN_FILE [--model NAME|all|A,B] [--out FILE] [--strict]}: fits the global parameters of
 * the models on an interaction log and writes them, with the production model's item calibration, to one
 * properties file that {@code replay --params} and the recommender load.
 */
public final class FitCommand {

    static final String USAGE = """
            usage: fit TRAIN_FILE [--model NAME|all|NAME,NAME] [--out FILE] [--strict]
              --model   %s, a comma list, or all (default all)
              --out     the parameters file to write (default hone-params.properties)
            """.formatted(String.join(", ", LearnerModels.NAMES));

    private FitCommand() {
    }

    public static void main(String[] argv) {
        try {
            System.exit(run(argv, System.out, System.err));
        } catch (IllegalArgumentException e) {
            System.err.println("fit: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (BadRowException e) {
            System.err.println("fit: " + e.getMessage());
            System.exit(3);
        } catch (IOException e) {
            System.err.println("fit: " + e);
            System.exit(1);
        }
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
        Args args = new Args(argv, Set.of("--strict", "--help"), Set.of("--model", "--out"));
        if (args.has("--help") || args.positional().size() != 1) {
            err.print(USAGE);
            return args.has("--help") ? 0 : 2;
        }
        Path train = Path.of(args.positional().get(0)).toAbsolutePath();
        List<String> models = LearnerModels.parse(args.get("--model", "all"));
        Path target = Path.of(args.get("--out", "hone-params.properties")).toAbsolutePath();
        BadRows bad = new BadRows();
        AnswerLog log = AnswerLog.read(train, new Ids(), bad, args.has("--strict"), l -> true);
        out.printf("read %,d answers of %,d learners from %s (%d bad rows)%n", log.size(),
                log.ids().learners().size(), train.getFileName(), bad.count());
        bad.first().stream().limit(5).forEach(b -> out.println("bad row: " + b));
        Params params = new Params();
        for (String name : models) {
            long start = System.nanoTime();
            params.putAll(LearnerModels.fit(name, log, out));
            out.printf("fitted %s in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        }
        params.save(target);
        out.printf("wrote %d parameters to %s%n", params.asMap().size(), target);
        return 0;
    }
}
