package io.mathsketch.server.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON written straight into one growing byte array, for the answers the server writes on every request: no tree of
 * JSON-P objects, no {@code BigDecimal} per number, no intermediate {@code String}. Commas are placed by the writer;
 * the caller only opens, names and closes. The text is what JSON-P (Parsson) writes for the same values: strings
 * escaped alike, numbers in {@code BigDecimal.valueOf(double).toString()} form.
 */
public final class JsonOutput {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Nesting depth the comma bookkeeping holds (one bit per level); the server's answers nest four deep. */
    private static final int MAX_DEPTH = 63;

    private byte[] bytes;
    private int size;
    private int depth;
    /** Bit d set: the container at depth d already holds a value, so the next one needs a comma. */
    private long filled;
    /**
     * Where numbers are formatted: {@code StringBuilder.append(double)} and {@code append(long)} write their digits
     * straight into its array, where {@code Double.toString} makes a buffer and a {@code String} per number (a 28x28
     * answer and its stored readings write ~40 numbers, ~5 KB of garbage per request).
     */
    private final StringBuilder digits = new StringBuilder(32);
    /** A name was just written: the value that follows takes no comma. */
    private boolean named;

    public JsonOutput() {
        this(512);
    }

    public JsonOutput(int capacity) {
        bytes = new byte[capacity];
    }

    public JsonOutput beginObject() {
        return open('{');
    }

    public JsonOutput endObject() {
        return close('}');
    }

    public JsonOutput beginArray() {
        return open('[');
    }

    public JsonOutput endArray() {
        return close(']');
    }

    /** A member's name; its value comes next. */
    public JsonOutput name(String name) {
        separate();
        quoted(name);
        put((byte) ':');
        named = true;
        return this;
    }

    public JsonOutput value(String value) {
        separate();
        quoted(value);
        return this;
    }

    public JsonOutput value(long value) {
        separate();
        digits.setLength(0);
        ascii(digits.append(value));
        return this;
    }

    /**
     * A finite number, as JSON-P writes it ({@code BigDecimal.valueOf(v).toString()}) without building a
     * {@code BigDecimal}: that equals {@link Double#toString} except where one of them uses an exponent and the other
     * does not (|v| from 10^-6 up to 10^-3, or from 10^7), which are left to {@code BigDecimal}. NaN and infinities
     * are not JSON and throw, as they do there.
     */
    public JsonOutput value(double value) {
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("JSON has no " + value);
        }
        separate();
        if (value == 0) {
            ascii("0.0"); // negative zero too: a BigDecimal has no sign for zero
            return this;
        }
        digits.setLength(0);
        digits.append(value);
        int e = digits.indexOf("E");
        if (e >= 0 && Integer.parseInt(digits, e + 1, digits.length(), 10) >= -6) {
            ascii(BigDecimal.valueOf(value).toString());
        } else {
            ascii(digits);
        }
        return this;
    }

    public JsonOutput value(boolean value) {
        separate();
        put(value ? TRUE : FALSE);
        return this;
    }

    public JsonOutput nullValue() {
        separate();
        put(NULL);
        return this;
    }

    /** Shorthands for a member. */
    public JsonOutput member(String name, String value) {
        return name(name).value(value);
    }

    public JsonOutput member(String name, long value) {
        return name(name).value(value);
    }

    public JsonOutput member(String name, double value) {
        return name(name).value(value);
    }

    public JsonOutput member(String name, boolean value) {
        return name(name).value(value);
    }

    /** The text written so far, as UTF-8. */
    public byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private JsonOutput open(char bracket) {
        separate();
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        put((byte) bracket);
        depth++;
        filled &= ~(1L << depth);
        return this;
    }

    private JsonOutput close(char bracket) {
        put((byte) bracket);
        depth--;
        return this;
    }

    /** A comma before every value but the first of its container; none after a name. */
    private void separate() {
        if (named) {
            named = false;
            return;
        }
        long bit = 1L << depth;
        if ((filled & bit) != 0) {
            put((byte) ',');
        }
        filled |= bit;
    }

    /** A JSON string: quote, backslash and control characters escaped as JSON-P escapes them, the rest as UTF-8. */
    private void quoted(String s) {
        int length = s.length();
        ensure(length + 2);
        bytes[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                ensure(1);
                bytes[size++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else {
                // Outside ASCII: encoded the way String.getBytes(UTF_8) does (a lone surrogate becomes '?').
                int end = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))
                        ? i + 2 : i + 1;
                put(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        put((byte) '"');
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> put(new byte[] {'\\', '"'});
            case '\\' -> put(new byte[] {'\\', '\\'});
            case '\b' -> put(new byte[] {'\\', 'b'});
            case '\f' -> put(new byte[] {'\\', 'f'});
            case '\n' -> put(new byte[] {'\\', 'n'});
            case '\r' -> put(new byte[] {'\\', 'r'});
            case '\t' -> put(new byte[] {'\\', 't'});
            default -> put(new byte[] {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 0xF]});
        }
    }

    private void ascii(CharSequence s) {
        int length = s.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
