package dev.hone.model.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams an interaction log {@code learner_id,item_id,skill_ids,correct,timestamp} (header row; columns in
 * any order, extra columns ignored; fields may be double-quoted). Works on bytes and interns ids without
 * allocating per row. Rows that cannot be read are counted in {@link BadRows} and skipped, or, when strict,
 * stop the read with a {@link BadRowException}.
 */
public final class AnswerCsvReader implements Closeable {

    static final String[] REQUIRED = {"learner_id", "item_id", "skill_ids", "correct", "timestamp"};

    private final InputStream in;
    private final Ids ids;
    private final BadRows badRows;
    private final boolean strict;
    private final int[] column = new int[REQUIRED.length];
    private int columns;

    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private long line;
    private int[] fieldStart = new int[8];
    private int[] fieldEnd = new int[8];

    public AnswerCsvReader(InputStream in, Ids ids, BadRows badRows, boolean strict) throws IOException {
        this.in = in;
        this.ids = ids;
        this.badRows = badRows;
        this.strict = strict;
        readHeader();
    }

    public static AnswerCsvReader open(Path file, Ids ids, BadRows badRows, boolean strict) throws IOException {
        return new AnswerCsvReader(Files.newInputStream(file), ids, badRows, strict);
    }

    /** Reads the next good row into {@code row}; false at the end of the file. */
    public boolean next(AnswerRow row) throws IOException {
        while (true) {
            int lineEnd = nextLine();
            if (lineEnd < 0) {
                return false;
            }
            int lineStart = start;
            start = lineEnd + 1;
            int contentEnd = lineEnd > lineStart && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd == lineStart) {
                continue; // blank line, e.g. at the end of the file
            }
            String problem = parse(lineStart, contentEnd, row);
            if (problem == null) {
                return true;
            }
            badRows.add(line, problem);
            if (strict) {
                throw new BadRowException(new BadRows.BadRow(line, problem));
            }
        }
    }

    private String parse(int from, int to, AnswerRow row) {
        int n = split(from, to);
        for (int c = 0; c < REQUIRED.length; c++) {
            int f = column[c];
            if (f >= n || fieldEnd[f] == fieldStart[f]) {
                return "missing field " + REQUIRED[c];
            }
        }
        row.line = line;
        row.learner = ids.learners().intern(buf, fieldStart[column[0]], len(column[0]));
        row.item = ids.items().intern(buf, fieldStart[column[1]], len(column[1]));
        int list = ids.skillList(buf, fieldStart[column[2]], len(column[2]));
        int[] skills = ids.skillsOf(list);
        if (skills.length == 0) {
            return "missing field skill_ids";
        }
        row.skillSet = list;
        row.skills = skills;
        double score = parseScore(fieldStart[column[3]], fieldEnd[column[3]]);
        if (Double.isNaN(score)) {
            return "correct is not a number in [0,1]: " + text(column[3]);
        }
        row.score = score;
        long t = parseEpochSeconds(fieldStart[column[4]], fieldEnd[column[4]]);
        if (t == Long.MIN_VALUE) {
            t = Timestamps.parseIso(text(column[4]));
            if (t == Long.MIN_VALUE) {
                return "timestamp is neither epoch seconds nor ISO 8601: " + text(column[4]);
            }
        }
        row.timestamp = t;
        return null;
    }

    private int len(int field) {
        return fieldEnd[field] - fieldStart[field];
    }

    private String text(int field) {
        return new String(buf, fieldStart[field], len(field), StandardCharsets.UTF_8);
    }

    /** Splits a line into fields (quotes stripped); returns the number of fields. */
    private int split(int from, int to) {
        int n = 0;
        int i = from;
        while (true) {
            if (n == fieldStart.length) {
                fieldStart = Arrays.copyOf(fieldStart, n * 2);
                fieldEnd = Arrays.copyOf(fieldEnd, n * 2);
            }
            if (i < to && buf[i] == '"') {
                int close = i + 1;
                while (close < to && buf[close] != '"') {
                    close++;
                }
                fieldStart[n] = i + 1;
                fieldEnd[n] = Math.min(close, to);
                i = close + 1;
                while (i < to && buf[i] != ',') {
                    i++;
                }
            } else {
                int s = i;
                while (i < to && buf[i] != ',') {
                    i++;
                }
                int e = i;
                while (s < e && buf[s] == ' ') {
                    s++;
                }
                while (e > s && buf[e - 1] == ' ') {
                    e--;
                }
                fieldStart[n] = s;
                fieldEnd[n] = e;
            }
            n++;
            if (i >= to) {
                return n;
            }
            i++; // skip the comma
        }
    }

    /** 0/1, a decimal in [0,1], or true/false; NaN if none of those. */
    private double parseScore(int s, int e) {
        if (e - s == 1 && (buf[s] == '0' || buf[s] == '1')) {
            return buf[s] - '0';
        }
        String t = new String(buf, s, e - s, StandardCharsets.US_ASCII).trim();
        if (t.equalsIgnoreCase("true")) {
            return 1;
        }
        if (t.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            double v = Double.parseDouble(t);
            return v >= 0 && v <= 1 ? v : Double.NaN;
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /** Digits with an optional sign and fraction (dropped); {@link Long#MIN_VALUE} otherwise. */
    private long parseEpochSeconds(int s, int e) {
        boolean negative = buf[s] == '-';
        int i = negative ? s + 1 : s;
        if (i == e) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < e; i++) {
            byte b = buf[i];
            if (b == '.') {
                for (int j = i + 1; j < e; j++) {
                    if (buf[j] < '0' || buf[j] > '9') {
                        return Long.MIN_VALUE;
                    }
                }
                break;
            }
            if (b < '0' || b > '9' || v > 1L << 50) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (b - '0');
        }
        return negative ? -v : v;
    }

    private void readHeader() throws IOException {
        int lineEnd = nextLine();
        if (lineEnd < 0) {
            throw new IllegalArgumentException("empty file: expected a header " + String.join(",", REQUIRED));
        }
        int to = lineEnd > start && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        int from = start;
        if (to - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB && buf[from + 2] == (byte) 0xBF) {
            from += 3; // UTF-8 byte order mark
        }
        columns = split(from, to);
        start = lineEnd + 1;
        for (int c = 0; c < REQUIRED.length; c++) {
            column[c] = -1;
            for (int f = 0; f < columns; f++) {
                if (text(f).trim().equalsIgnoreCase(REQUIRED[c])) {
                    column[c] = f;
                }
            }
            if (column[c] < 0) {
                throw new IllegalArgumentException("header has no column " + REQUIRED[c] + ": expected "
                        + String.join(",", REQUIRED));
            }
        }
    }

    /** Index of the next '\n' (or of the end of the last unterminated line), refilling as needed; -1 at EOF. */
    private int nextLine() throws IOException {
        int scan = start;
        while (true) {
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    line++;
                    return i;
                }
            }
            if (eof) {
                if (start < end) {
                    line++;
                    if (end == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length + 1);
                    }
                    buf[end] = '\n';
                    return end++;
                }
                return -1;
            }
            scan = end - start;
            compact();
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
