package io.mathsketch.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed, validated reads of single configuration values. Every failure names the full key, so a typo in
 * {@code application.yaml} or an environment variable stops start-up with a message that says what to fix.
 */
final class ConfigReader {

    private final Config root;

    ConfigReader(Config root) {
        this.root = root;
    }

    String string(String key, String defaultValue) {
        return node(key).asString().orElse(defaultValue).trim();
    }

    int integer(String key, int defaultValue, int min, int max) {
        return Math.toIntExact(longValue(key, defaultValue, min, max));
    }

    long longValue(String key, long defaultValue, long min, long max) {
        String raw = string(key, Long.toString(defaultValue));
        try {
            long value = Long.parseLong(raw);
            if (value < min || value > max) {
                throw invalid(key, raw, "a whole number between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a whole number between " + min + " and " + max);
        }
    }

    /** A duration as ISO-8601 ({@code PT2S}) or a number of milliseconds ({@code 2000}, {@code 2ms}). */
    Duration duration(String key, Duration defaultValue) {
        String raw = string(key, defaultValue.toString());
        String expected = "a duration such as PT2S, 2000 or 2000ms";
        Duration value;
        try {
            String millis = raw.toLowerCase(Locale.ROOT).endsWith("ms") ? raw.substring(0, raw.length() - 2) : raw;
            if (millis.matches("\\d+(\\.\\d+)?")) {
                value = Duration.ofNanos(Math.round(Double.parseDouble(millis) * 1_000_000));
            } else {
                value = Duration.parse(raw);
            }
        } catch (DateTimeParseException e) {
            throw invalid(key, raw, expected);
        }
        if (value.isNegative()) {
            throw invalid(key, raw, "a duration that is not negative");
        }
        return value;
    }

    /** One of a fixed set of words, matched case-insensitively; returns the canonical spelling. */
    String oneOf(String key, String defaultValue, Set<String> allowed) {
        String raw = string(key, defaultValue);
        return allowed.stream()
                .filter(a -> a.equalsIgnoreCase(raw))
                .findFirst()
                .orElseThrow(() -> invalid(key, raw, "one of " + allowed));
    }

    /** {@code true} or {@code false}, case-insensitively. */
    boolean bool(String key, boolean defaultValue) {
        return Boolean.parseBoolean(oneOf(key, Boolean.toString(defaultValue), Set.of("true", "false")));
    }

    /** A comma-separated list (a YAML list works too); blanks are dropped. */
    List<String> list(String key, List<String> defaultValue) {
        Config node = node(key);
        if (!node.exists()) {
            return defaultValue;
        }
        if (node.isList()) {
            return node.asList(String.class).get().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(node.asString().orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    static ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("Invalid configuration '" + key + "' (environment variable " + envName(key)
                + "): '" + value + "' is not " + expected);
    }

    /** The environment variable Helidon maps onto a key: upper case, dots and dashes become underscores. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private Config node(String key) {
        return root.get(key);
    }
}
