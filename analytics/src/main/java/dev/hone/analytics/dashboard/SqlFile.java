package dev.hone.analytics.dashboard;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SQL kept as data in {@code resources/sql}, loaded once. */
final class SqlFile {

    private SqlFile() {
    }

    static String load(String name) {
        try {
            return new ClassPathResource("sql/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing SQL file sql/" + name, e);
        }
    }
}
