package dev.hone.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fitted global parameters of the models: a sorted string map stored as a Java properties file (keys
 * such as {@code elo-pfa.weight.bias}). Written in key order with no date comment, so the same fit gives
 * the same bytes.
 */
public final class Params {

    private final TreeMap<String, String> values = new TreeMap<>();

    public Params put(String key, String value) {
        values.put(key, value);
        return this;
    }

    public Params put(String key, double value) {
        return put(key, Double.toString(value));
    }

    public String get(String key) {
        return values.get(key);
    }

    public double getDouble(String key, double fallback) {
        String v = values.get(key);
        return v == null ? fallback : Double.parseDouble(v.trim());
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Entries whose key starts with {@code prefix}, keyed by the rest of the key. */
    public SortedMap<String, String> withPrefix(String prefix) {
        TreeMap<String, String> out = new TreeMap<>();
        for (var e : values.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
            out.put(e.getKey().substring(prefix.length()), e.getValue());
        }
        return out;
    }

    public void putAll(Params other) {
        values.putAll(other.values);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public static Params load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        Params params = new Params();
        for (String key : props.stringPropertyNames()) {
            params.put(key, props.getProperty(key));
        }
        return params;
    }

    public void save(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Hone learner model parameters, written by ./hone fit\n");
            for (var e : values.entrySet()) {
                out.write(escape(e.getKey(), true));
                out.write('=');
                out.write(escape(e.getValue(), false));
                out.write('\n');
            }
        }
    }

    private static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
