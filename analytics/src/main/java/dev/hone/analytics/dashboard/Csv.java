package dev.hone.analytics.dashboard;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

/** A dashboard's rows as CSV (RFC 4180): one header line of field names, one line per row. */
final class Csv {

    private Csv() {
    }

    static String of(Class<? extends Record> type, List<? extends Record> rows) {
        var out = new StringBuilder();
        RecordComponent[] fields = type.getRecordComponents();
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : ",").append(fields[i].getName());
        }
        out.append("\r\n");
        for (Record row : rows) {
            for (int i = 0; i < fields.length; i++) {
                out.append(i == 0 ? "" : ",").append(quote(text(value(fields[i], row))));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Lists of records (an option's share) become "a:false:3:0.25|b:..." so a row stays one line. */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Csv::text).collect(Collectors.joining("|"));
        }
        if (v instanceof Record r) {
            RecordComponent[] parts = r.getClass().getRecordComponents();
            var sb = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                sb.append(i == 0 ? "" : ":").append(text(value(parts[i], r)));
            }
            return sb.toString();
        }
        return v.toString();
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
