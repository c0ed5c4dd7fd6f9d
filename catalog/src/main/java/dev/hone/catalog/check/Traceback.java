package dev.hone.catalog.check;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which exception ended a Python run from what it wrote to stderr. */
final class Traceback {

    private static final String HEADER = "Traceback (most recent call last):";
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*)(:.*)?$");

    private Traceback() {
    }

    /**
     * The exception's name as Python prints it ({@code KeyError}, {@code json.decoder.JSONDecodeError}).
     * It is the first unindented line after the last traceback header (the message may span
     * lines); a syntax error in the script has no header, so then the first unindented line.
     */
    static Optional<String> exceptionName(String stderr) {
        List<String> lines = stderr.lines().toList();
        int start = lines.lastIndexOf(HEADER) + 1;
        for (String line : lines.subList(start, lines.size())) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            Matcher m = EXCEPTION_LINE.matcher(line);
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The last line Python wrote to stderr, for messages. */
    static String lastLine(String stderr) {
        List<String> lines = stderr.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    /** {@code json.decoder.JSONDecodeError} is named {@code JSONDecodeError} in a key. */
    static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
