package dev.hone.model.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: positionals and {@code --name value} / {@code --flag} options. */
public final class Args {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    /** Parses {@code args}; {@code flags} take no value, {@code valued} take one; anything else is an error. */
    public Args(String[] args, Set<String> flags, Set<String> valued) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (flags.contains(a)) {
                options.put(a, "true");
            } else if (valued.contains(a)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                options.put(a, args[++i]);
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
    }

    public List<String> positional() {
        return positional;
    }

    public String get(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** A path option, resolved against the current directory. */
    public Path path(String option) {
        String v = options.get(option);
        return v == null ? null : Path.of(v).toAbsolutePath();
    }
}
