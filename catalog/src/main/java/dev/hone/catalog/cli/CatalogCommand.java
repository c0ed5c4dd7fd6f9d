package dev.hone.catalog.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.CatalogLoader;
import dev.hone.catalog.Question;
import dev.hone.catalog.check.BankValidator;
import dev.hone.catalog.check.CheckOptions;
import dev.hone.catalog.check.CheckReport;
import dev.hone.catalog.check.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code hone catalog check | stats | export}: the bank's command line (see {@link #USAGE}).
 * Exit status: 0 done, 1 the bank has errors, 2 wrong usage.
 */
public final class CatalogCommand {

    static final String USAGE = """
            usage: hone catalog <command> [options]
              check  [--bank DIR] [--no-run] [--python CMD]   validate the bank; runs every code_output snippet with python3
              stats  [--bank DIR] [--json]                     counts per topic, kind, difficulty and track
              export [--bank DIR] [--out FILE]                 the whole bank with keys, one question per JSON line
            DIR defaults to catalog/src/main/resources/catalog under $HONE_ROOT (or the current folder).""";

    /** Where the bank lives in the source tree, so errors point at the files authors edit. */
    static final Path SOURCE_BANK = Path.of("catalog", "src", "main", "resources", "catalog");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final PrintStream out;
    private final PrintStream err;

    CatalogCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(new CatalogCommand(out, System.err).run(args));
    }

    int run(String... args) {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        String command = rest.pollFirst();
        try {
            Options options = Options.parse(rest);
            if (command == null || "help".equals(command) || "--help".equals(command)) {
                out.println(USAGE);
                return command == null ? 2 : 0;
            }
            return switch (command) {
                case "check" -> check(options);
                case "stats" -> stats(options);
                case "export" -> export(options);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("hone catalog: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (CatalogLoader.CatalogException e) {
            err.println(e.getMessage());
            err.println("hone catalog: the bank does not load; run 'hone catalog check' for every problem");
            return 1;
        }
    }

    private int check(Options options) {
        Path bank = options.bank().orElseThrow(() -> new UsageException("no bank at " + defaultBank() + "; pass --bank DIR"));
        CheckOptions checkOptions = CheckOptions.defaults().withPython(options.python());
        if (!options.run()) {
            checkOptions = checkOptions.withoutSnippets();
        }
        out.println("checking " + bank);
        CheckReport report = new BankValidator(checkOptions).check(bank);
        for (Problem problem : report.problems()) {
            out.println(problem);
        }
        out.println("snippets: " + report.python());
        out.println(report.summary());
        return report.passed() ? 0 : 1;
    }

    private int stats(Options options) {
        BankStats stats = BankStats.of(load(options));
        if (options.json()) {
            out.println(write(stats));
        } else {
            out.print(stats.toText());
        }
        return 0;
    }

    private int export(Options options) {
        Catalog catalog = load(options);
        try (OutputStream target = options.out().isPresent() ? Files.newOutputStream(options.out().get()) : null) {
            PrintStream lines = target == null ? out : new PrintStream(target, false, StandardCharsets.UTF_8);
            for (Question question : catalog.questions()) {
                lines.println(write(question));
            }
            lines.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + options.out().orElse(null), e);
        }
        options.out().ifPresent(file -> err.println("exported " + catalog.questions().size() + " questions to " + file));
        return 0;
    }

    private static Catalog load(Options options) {
        return options.bank().map(CatalogLoader::fromDirectory).orElseGet(CatalogLoader::fromClasspath);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path defaultBank() {
        String root = System.getenv("HONE_ROOT");
        return root == null || root.isBlank() ? SOURCE_BANK : Path.of(root).resolve(SOURCE_BANK);
    }

    /** The command line did not make sense. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
