package io.mathsketch.engine.config;

/**
 * A configured value that is malformed or out of range. Carries the key relative to the section that found it; each
 * enclosing section prefixes its own name on the way out ({@link #within}), so the reader that started the read sees
 * the full key ({@code engine.batching.max-batch-size}) and can name it, with its environment variable, to the user.
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private final String key;
    private final String value;
    private final String expected;

    public InvalidConfigException(String key, String value, String expected) {
        super("Invalid configuration '" + key + "': '" + value + "' is not " + expected);
        this.key = key;
        this.value = value;
        this.expected = expected;
    }

    /** The same error one section further out: {@code batching.max-delay} within {@code engine}. */
    public InvalidConfigException within(String section) {
        InvalidConfigException outer = new InvalidConfigException(section + "." + key, value, expected);
        outer.setStackTrace(getStackTrace());
        return outer;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
