package dev.hone.catalog.grading;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Comparison rules for code_output answers (catalog/FORMAT.md). */
public final class CodeOutput {

    // "raises: KeyError" or "raises KeyError"; not "raisesKeyError".
    private static final Pattern RAISES = Pattern.compile("^raises(?::\\s*|\\s+)([A-Za-z_][A-Za-z0-9_.]*)$");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*(Error|Exception|Exit|Interrupt|Iteration|Warning)$");

    private CodeOutput() {
    }

    /** CRLF to LF, trailing whitespace of every line and trailing blank lines removed. */
    public static String normalise(String output) {
        if (output == null) {
            return "";
        }
        String[] lines = output.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(output.length());
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    /** The exception a key or an answer names ("raises: KeyError"), if it names one. */
    public static Optional<String> raisedException(String text) {
        Matcher m = RAISES.matcher(normalise(text).strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code json.JSONDecodeError} and {@code JSONDecodeError} name the same exception for grading. */
    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public static boolean matches(String key, String answer) {
        Optional<String> keyException = raisedException(key);
        if (keyException.isPresent()) {
            String given = normalise(answer).strip();
            Optional<String> answered = raisedException(given);
            String name = answered.orElse(EXCEPTION_NAME.matcher(given).matches() ? given : null);
            return name != null && simpleName(keyException.get()).equals(simpleName(name));
        }
        return normalise(key).equals(normalise(answer));
    }
}
