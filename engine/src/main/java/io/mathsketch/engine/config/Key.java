package io.mathsketch.engine.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key of a section: its name, its default, how its text is parsed and which values are valid.
 * A section type declares each of its keys once as a constant and uses it three ways: to read the key
 * ({@link ConfigValues#get}), as its builder's default ({@link #defaultValue()}) and to check a value in its
 * constructor ({@link #check}). Defaults are written in configuration syntax, so the documented default is the
 * declared text itself.
 *
 * @param <T> the value's type
 */
public final class Key<T> {

    private final String name;
    private final Optional<T> defaultValue;
    private final String defaultText;
    private final Function<String, T> parser;
    private final Predicate<T> valid;
    private final String expected;

    private Key(String name, String defaultText, Function<String, T> parser, Predicate<T> valid, String expected,
                boolean hasDefault) {
        this.name = Objects.requireNonNull(name);
        this.defaultText = defaultText;
        this.parser = parser;
        this.valid = valid;
        this.expected = expected;
        this.defaultValue = hasDefault ? Optional.of(check(parse(defaultText))) : Optional.empty();
    }

    /** A whole number in {@code [min, max]}. */
    public static Key<Integer> integer(String name, int defaultValue, int min, int max) {
        return new Key<>(name, Integer.toString(defaultValue), raw -> Math.toIntExact(parseLong(name, raw, min, max)),
                v -> v >= min && v <= max, wholeNumber(min, max), true);
    }

    /** A whole number in {@code [min, max]}. */
    public static Key<Long> longValue(String name, long defaultValue, long min, long max) {
        return new Key<>(name, Long.toString(defaultValue), raw -> parseLong(name, raw, min, max),
                v -> v >= min && v <= max, wholeNumber(min, max), true);
    }

    /** A duration that is not negative, as ISO-8601 ({@code PT2S}) or milliseconds ({@code 2000}, {@code 0.5ms}). */
    public static Key<Duration> duration(String name, String defaultValue) {
        return new Key<>(name, defaultValue, raw -> parseDuration(name, raw), v -> !v.isNegative(),
                "a duration that is not negative, such as PT2S, 2000 or 0.5ms", true);
    }

    /** Free text, trimmed; may be empty. */
    public static Key<String> string(String name, String defaultValue) {
        return new Key<>(name, defaultValue, String::trim, v -> true, "text", true);
    }

    /**
     * This key without a fixed default: when it is absent the section derives the value (read it with
     * {@link ConfigValues#find}); {@code description} says how, for the documentation.
     */
    public Key<T> derivedDefault(String description) {
        return new Key<>(name, description, parser, valid, expected, false);
    }

    /** One of a fixed set of words, matched case-insensitively and read in its canonical spelling. */
    public static Key<String> oneOf(String name, String defaultValue, List<String> allowed) {
        List<String> words = List.copyOf(allowed);
        return new Key<>(name, defaultValue, raw -> words.stream().filter(w -> w.equalsIgnoreCase(raw.trim()))
                .findFirst().orElseThrow(() -> new InvalidConfigException(name, raw, "one of " + words)),
                words::contains, "one of " + words, true);
    }

    /** {@code true} or {@code false}, case-insensitively. */
    public static Key<Boolean> bool(String name, boolean defaultValue) {
        Key<String> word = oneOf(name, Boolean.toString(defaultValue), List.of("true", "false"));
        return new Key<>(name, Boolean.toString(defaultValue), raw -> Boolean.parseBoolean(word.parse(raw)),
                v -> true, "true or false", true);
    }

    /** A comma-separated list (a YAML list is read as one); blanks are dropped. */
    public static Key<List<String>> list(String name, String defaultValue) {
        return new Key<>(name, defaultValue, raw -> Arrays.stream(raw.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList(), v -> true, "a comma-separated list", true);
    }

    public String name() {
        return name;
    }

    /** The default, in configuration syntax ({@code 0.5ms}, {@code 32}); for a key without one, what applies. */
    public String defaultText() {
        return defaultText;
    }

    /** Whether an absent key takes {@link #defaultValue()}; otherwise the section derives it. */
    public boolean hasDefault() {
        return defaultValue.isPresent();
    }

    public T defaultValue() {
        return defaultValue.orElseThrow(() -> new IllegalStateException(name + " has no fixed default"));
    }

    /** Parses a configured text; throws {@link InvalidConfigException} naming this key when it is malformed. */
    public T parse(String raw) {
        return parser.apply(raw);
    }

    /** Returns {@code value} if it is valid for this key, else throws {@link InvalidConfigException} naming it. */
    public T check(T value) {
        if (value == null || !valid.test(value)) {
            throw new InvalidConfigException(name, String.valueOf(value), expected);
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }

    private static String wholeNumber(long min, long max) {
        return "a whole number between " + min + " and " + max;
    }

    private static long parseLong(String name, String raw, long min, long max) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(name, raw, wholeNumber(min, max));
        }
    }

    private static Duration parseDuration(String name, String raw) {
        String text = raw.trim();
        String millis = text.toLowerCase(Locale.ROOT).endsWith("ms") ? text.substring(0, text.length() - 2) : text;
        try {
            if (millis.matches("\\d+(\\.\\d+)?")) {
                return Duration.ofNanos(Math.round(Double.parseDouble(millis) * 1_000_000));
            }
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidConfigException(name, raw, "a duration such as PT2S, 2000 or 0.5ms");
        }
    }
}
