package dev.hone.catalog.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks fenced code blocks in Markdown text the way CommonMark reads them: a fence of three or
 * more backticks or tildes, indented at most three spaces, closed by a fence of the same
 * character at least as long and with nothing after it.
 */
final class MarkdownFences {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    private MarkdownFences() {
    }

    /** What is wrong with the text's fences, if anything; lines are 0-based within the text. */
    static Optional<Broken> check(String text) {
        String[] lines = text.split("\n", -1);
        String open = null;
        int openedAt = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                continue;
            }
            String marker = fence.group(1);
            String info = fence.group(2).strip();
            if (open == null) {
                if (marker.charAt(0) == '`' && info.contains("`")) {
                    continue;
                }
                open = marker;
                openedAt = i;
            } else if (marker.charAt(0) == open.charAt(0) && marker.length() >= open.length()) {
                if (info.isEmpty()) {
                    open = null;
                } else {
                    return Optional.of(new Broken(i, "code fence '" + marker + info + "' inside the block opened "
                            + lineWord(i - openedAt) + " above cannot close it (a closing fence has no language)"));
                }
            }
        }
        return open == null ? Optional.empty()
                : Optional.of(new Broken(openedAt, "code fence '" + lines[openedAt].strip() + "' is never closed"));
    }

    private static String lineWord(int n) {
        return n == 1 ? "1 line" : n + " lines";
    }

    /** A broken fence at a 0-based line of the text. */
    record Broken(int line, String message) {
    }
}
