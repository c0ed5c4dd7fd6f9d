package dev.hone.analytics.clickhouse;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** SQL kept as data in {@code resources/sql}, loaded once; user input is always bound, never joined in. */
public final class SqlFile {

    private SqlFile() {
    }

    /** The file's text without its {@code --} comment lines. */
    public static String load(String name) {
        try {
            String text = new ClassPathResource("sql/" + name).getContentAsString(StandardCharsets.UTF_8);
            return String.join("\n", text.lines().filter(l -> !l.strip().startsWith("--")).toList()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("missing SQL file sql/" + name, e);
        }
    }

    /** The statements of a file, separated by a ';' at the end of a line. */
    public static List<String> statements(String name) {
        return Arrays.stream(load(name).split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
