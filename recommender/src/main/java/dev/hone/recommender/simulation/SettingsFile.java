package dev.hone.recommender.simulation;

import dev.hone.recommender.policy.PolicySettings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Policy settings for {@code --settings FILE} (or {@code --set name=value}): properties named as
 * the components of {@link PolicySettings}; names left out keep their defaults.
 */
final class SettingsFile {

    private SettingsFile() {
    }

    static PolicySettings load(Path file, PolicySettings base) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy settings " + file, e);
        }
        Map<String, String> values = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
        return apply(base, values);
    }

    private static Object parse(Class<?> type, String value) {
        if (type == double.class) {
            return Double.parseDouble(value);
        }
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        return Long.parseLong(value);
    }

    static PolicySettings apply(PolicySettings base, Map<String, String> values) {
        RecordComponent[] components = PolicySettings.class.getRecordComponents();
        for (String key : values.keySet()) {
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(key))) {
                throw new IllegalArgumentException("unknown policy setting '" + key + "'");
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                String v = values.get(c.getName());
                Object current = c.getAccessor().invoke(base);
                args[i] = v == null ? current : parse(c.getType(), v);
            }
            return PolicySettings.class.getDeclaredConstructor(types).newInstance(args);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy setting is not a number: " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("invalid policy settings: " + cause.getMessage(), cause);
        }
    }
}
