package dev.hone.catalog.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Optional;

/** The options {@link CatalogCommand} understands; which ones a command uses is up to it. */
record Options(Optional<Path> bank, boolean run, boolean json, Optional<Path> out, String python) {

    static Options parse(Deque<String> args) {
        Path bank = null;
        Path out = null;
        boolean run = true;
        boolean json = false;
        String python = "python3";
        while (!args.isEmpty()) {
            String arg = args.pollFirst();
            switch (arg) {
                case "--bank" -> bank = Path.of(value(arg, args));
                case "--out" -> out = Path.of(value(arg, args));
                case "--python" -> python = value(arg, args);
                case "--no-run" -> run = false;
                case "--json" -> json = true;
                default -> throw new CatalogCommand.UsageException("unknown option '" + arg + "'");
            }
        }
        if (bank != null && !Files.isDirectory(bank)) {
            throw new CatalogCommand.UsageException("--bank " + bank + " is not a folder");
        }
        if (bank == null && Files.isDirectory(CatalogCommand.defaultBank())) {
            bank = CatalogCommand.defaultBank();
        }
        return new Options(Optional.ofNullable(bank), run, json, Optional.ofNullable(out), python);
    }

    private static String value(String option, Deque<String> args) {
        String value = args.pollFirst();
        if (value == null || value.startsWith("--")) {
            throw new CatalogCommand.UsageException(option + " needs a value");
        }
        return value;
    }
}
