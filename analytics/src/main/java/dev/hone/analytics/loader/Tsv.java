package dev.hone.analytics.loader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in ClickHouse's TabSeparated format, built in memory and streamed in one INSERT: the
 * legacy driver's batched PreparedStatement manages ~73k rows/s here, a TSV stream several times
 * that. Mastery changes and the track look-up's learner ids; answers go as RowBinary ({@link AnswerBlock}).
 */
final class Tsv {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    private final StringBuilder line = new StringBuilder(256);

    Tsv text(String s) {
        String v = s == null ? "" : s;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\'' -> line.append("\\'");
                default -> line.append(ch);
            }
        }
        return tab();
    }

    Tsv number(long n) {
        line.append(n);
        return tab();
    }

    Tsv decimal(double d) {
        line.append(Double.isFinite(d) ? d : 0);
        return tab();
    }

    /** A DateTime as a unix timestamp, which does not depend on the server's time zone. */
    Tsv time(Instant t) {
        return number(t.getEpochSecond());
    }

    /** Ends the row. */
    void end() {
        line.setCharAt(line.length() - 1, '\n');
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private Tsv tab() {
        line.append('\t');
        return this;
    }
}
