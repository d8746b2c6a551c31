package io.mathsketch.engine.json;

import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A strict streaming JSON parser (RFC 8259) over a UTF-8 byte array, for request bodies that carry ink: a page's
 * drawing is some 260-450 numbers, and a general parser's per-number string and decimal object cost more than
 * drawing the ink. Numbers are read straight from the bytes by {@link #getDouble()}; strings are decoded only when
 * asked for. Nesting is tracked in an array, never by recursion, so a body of deep nesting costs its own bytes and no
 * stack. Malformed JSON is a {@link JsonParsingException}, as with any JSON-P parser, and so is an object that names
 * a member twice (I-JSON, RFC 7493 §2.3): parsers disagree on which of the two counts, so a body read one way here
 * could be kept or read another way elsewhere. Not thread-safe (one per body).
 */
public final class ByteJsonParser implements JsonParser {

    private static final byte OBJECT = 1, ARRAY = 2;
    /** Powers of ten that are exact doubles: a decimal of at most 15 digits scaled by one of them rounds once. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final int MAX_FAST_DIGITS = 15;
    /** Member names of an object compared one by one up to this many; a wider object's go into a set. */
    private static final int FEW_KEYS = 8;

    private final byte[] in;
    private final int end;
    private int pos;
    private byte[] containers = new byte[16];
    private int depth;
    /**
     * The member names of the open objects, innermost last, as [start, end) of the input: ints, not strings, so that
     * a body of deep nesting costs a few bytes a name.
     */
    private int[] keyStart = new int[16], keyEnd = new int[16];
    private int keys;
    /** Per open container: where its names begin in the arrays above, and its names as a set once it is wide. */
    private int[] firstKey = new int[16];
    @SuppressWarnings("unchecked")
    private Set<String>[] keyTables = new Set[16];
    /** No member or element has been read yet in the innermost container. */
    private boolean first;
    /** A key has been read and its value is next. */
    private boolean valueNext;
    private boolean started;
    private Event current;
    /** The text of the current string, key or number: [tokenStart, tokenEnd) of the input. */
    private int tokenStart, tokenEnd;
    private boolean escaped;
    /** The current number as digits x 10^exponent when it has at most 15 significant digits, else fast = false. */
    private long digits;
    private int exponent;
    private boolean negative, fast, integral;

    public ByteJsonParser(byte[] utf8) {
        this.in = utf8;
        this.end = utf8.length;
    }

    @Override
    public boolean hasNext() {
        if (depth > 0 || !started) {
            return true;
        }
        skipWhitespace();
        return pos < end;
    }

    @Override
    public Event next() {
        skipWhitespace();
        if (depth == 0) {
            if (started) {
                if (pos < end) {
                    throw error("more JSON after the value");
                }
                throw new NoSuchElementException("the JSON value has ended");
            }
            started = true;
            return current = value();
        }
        if (pos == end) {
            throw error("the JSON text ends inside " + (containers[depth - 1] == OBJECT ? "an object" : "an array"));
        }
        byte c = in[pos];
        if (containers[depth - 1] == OBJECT) {
            if (valueNext) {
                expect(':');
                skipWhitespace();
                return current = value();
            }
            if (c == '}') {
                pos++;
                pop();
                return current = Event.END_OBJECT;
            }
            if (!first) {
                expect(',');
                skipWhitespace();
            }
            if (pos == end || in[pos] != '"') {
                throw error("expected a member name in quotes");
            }
            string();
            remember();
            first = false;
            valueNext = true;
            return current = Event.KEY_NAME;
        }
        if (c == ']') {
            pos++;
            pop();
            return current = Event.END_ARRAY;
        }
        if (!first) {
            expect(',');
            skipWhitespace();
        }
        first = false;
        return current = value();
    }

    /** The value at the current position, a container's start or a whole scalar. */
    private Event value() {
        valueNext = false;
        if (pos == end) {
            throw error("expected a value");
        }
        byte c = in[pos];
        switch (c) {
            case '{' -> {
                pos++;
                push(OBJECT);
                return Event.START_OBJECT;
            }
            case '[' -> {
                pos++;
                push(ARRAY);
                return Event.START_ARRAY;
            }
            case '"' -> {
                string();
                return Event.VALUE_STRING;
            }
            case 't' -> {
                literal("true");
                return Event.VALUE_TRUE;
            }
            case 'f' -> {
                literal("false");
                return Event.VALUE_FALSE;
            }
            case 'n' -> {
                literal("null");
                return Event.VALUE_NULL;
            }
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                    return Event.VALUE_NUMBER;
                }
                throw error("unexpected character '" + (char) (c & 0xFF) + "'");
            }
        }
    }

    private void push(byte container) {
        if (depth == containers.length) {
            containers = Arrays.copyOf(containers, depth * 2);
            firstKey = Arrays.copyOf(firstKey, depth * 2);
            keyTables = Arrays.copyOf(keyTables, depth * 2);
        }
        firstKey[depth] = keys;
        containers[depth++] = container;
        first = true;
    }

    private void pop() {
        depth--;
        // An object's names are forgotten with it.
        keys = firstKey[depth];
        keyTables[depth] = null;
        // The container just closed was a member or element of its parent.
        first = false;
    }

    /**
     * Records the name just read in its object, refusing it when the object already has a member of that name. A few
     * names are compared as bytes; a wider object's go into a hash set, which keeps colliding names in a tree, so that
     * names crafted to collide cost a logarithm each rather than a scan.
     */
    private void remember() {
        Set<String> wide = keyTables[depth - 1];
        if (wide != null) {
            if (!wide.add(text(tokenStart, tokenEnd, escaped))) {
                throw duplicate();
            }
            return;
        }
        int from = firstKey[depth - 1];
        for (int k = from; k < keys; k++) {
            if (sameName(k)) {
                throw duplicate();
            }
        }
        if (keys - from == FEW_KEYS) {
            wide = new HashSet<>();
            for (int k = from; k < keys; k++) {
                wide.add(text(keyStart[k], keyEnd[k], hasEscape(k)));
            }
            wide.add(text(tokenStart, tokenEnd, escaped));
            keyTables[depth - 1] = wide;
            return;
        }
        if (keys == keyStart.length) {
            keyStart = Arrays.copyOf(keyStart, keys * 2);
            keyEnd = Arrays.copyOf(keyEnd, keys * 2);
        }
        keyStart[keys] = tokenStart;
        keyEnd[keys++] = tokenEnd;
    }

    private JsonParsingException duplicate() {
        return error("a member name given twice in one object");
    }

    /** Whether the remembered name {@code k} is the name just read: the same bytes, or the same text once decoded. */
    private boolean sameName(int k) {
        int start = keyStart[k], end = keyEnd[k];
        if (Arrays.equals(in, start, end, in, tokenStart, tokenEnd)) {
            return true;
        }
        boolean otherEscaped = hasEscape(k);
        return (escaped || otherEscaped) && text(start, end, otherEscaped).equals(text(tokenStart, tokenEnd, escaped));
    }

    private boolean hasEscape(int k) {
        for (int i = keyStart[k]; i < keyEnd[k]; i++) {
            if (in[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    private void literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            throw error("expected " + word);
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw error("expected " + word);
            }
        }
        pos += n;
    }

    /** A string from its opening quote; remembers where its text is and whether it has escapes. */
    private void string() {
        int i = pos + 1;
        escaped = false;
        while (true) {
            if (i == end) {
                throw error("a string is not closed");
            }
            byte b = in[i];
            if (b == '"') {
                break;
            }
            if (b >= 0 && b < 0x20) {
                throw error("a control character in a string");
            }
            if (b == '\\') {
                escaped = true;
                i++;
                if (i == end) {
                    throw error("a string is not closed");
                }
                switch (in[i]) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
                    case 'u' -> {
                        if (end - i <= 4) {
                            throw error("a string is not closed");
                        }
                        for (int k = 1; k <= 4; k++) {
                            if (Character.digit(in[i + k], 16) < 0) {
                                throw error("an invalid \\u escape");
                            }
                        }
                        i += 4;
                    }
                    default -> throw error("an invalid escape");
                }
            }
            i++;
        }
        tokenStart = pos + 1;
        tokenEnd = i;
        pos = i + 1;
    }

    /** A number by the JSON grammar, its value gathered on the way when it is short enough to be exact. */
    private void number() {
        int start = pos;
        negative = in[pos] == '-';
        if (negative) {
            pos++;
        }
        long m = 0;
        int significant = 0, scale = 0;
        boolean many = false;
        if (pos < end && in[pos] == '0') {
            pos++;
        } else if (pos < end && in[pos] >= '1' && in[pos] <= '9') {
            while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
                if (significant < MAX_FAST_DIGITS) {
                    m = m * 10 + (in[pos] - '0');
                    significant++;
                } else {
                    many = true;
                }
                pos++;
            }
            if (many) {
                significant = MAX_FAST_DIGITS + 1;
            }
        } else {
            throw error("a number without digits");
        }
        integral = true;
        if (pos < end && in[pos] == '.') {
            integral = false;
            pos++;
            int from = pos;
            while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
                if (m != 0 || in[pos] != '0') {
                    significant++;
                }
                if (significant <= MAX_FAST_DIGITS) {
                    m = m * 10 + (in[pos] - '0');
                    scale++;
                }
                pos++;
            }
            if (pos == from) {
                throw error("a number without digits after its decimal point");
            }
        }
        int power = 0;
        boolean bigPower = false;
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            integral = false;
            pos++;
            boolean minus = false;
            if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
                minus = in[pos] == '-';
                pos++;
            }
            int from = pos;
            while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
                if (power < 1000) {
                    power = power * 10 + (in[pos] - '0');
                } else {
                    bigPower = true;
                }
                pos++;
            }
            if (pos == from) {
                throw error("a number without digits in its exponent");
            }
            power = minus ? -power : power;
        }
        tokenStart = start;
        tokenEnd = pos;
        digits = m;
        exponent = power - scale;
        fast = significant <= MAX_FAST_DIGITS && !bigPower && exponent >= -22 && exponent <= 22;
    }

    /**
     * The current number as the nearest double, as {@link Double#parseDouble} reads its text: computed from the bytes
     * when it has at most 15 significant digits and a small exponent (one correctly rounded multiplication or
     * division of two exact doubles), else by parsing its text.
     */
    public double getDouble() {
        requireNumber();
        if (!fast) {
            return Double.parseDouble(getString());
        }
        double v = exponent >= 0 ? digits * POWERS[exponent] : digits / POWERS[-exponent];
        return negative ? -v : v;
    }

    @Override
    public String getString() {
        if (current != Event.KEY_NAME && current != Event.VALUE_STRING && current != Event.VALUE_NUMBER) {
            throw new IllegalStateException("getString() at " + current);
        }
        if (current == Event.VALUE_NUMBER) {
            return new String(in, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1);
        }
        return text(tokenStart, tokenEnd, escaped);
    }

    /** The text of a string token's [start, end), its escapes (if it has any) decoded. */
    private String text(int tokenStart, int tokenEnd, boolean escaped) {
        if (!escaped) {
            return new String(in, tokenStart, tokenEnd - tokenStart, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(tokenEnd - tokenStart);
        int run = tokenStart;
        for (int i = tokenStart; i < tokenEnd; i++) {
            if (in[i] != '\\') {
                continue;
            }
            out.append(new String(in, run, i - run, StandardCharsets.UTF_8));
            byte e = in[++i];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(new String(in, i + 1, 4, StandardCharsets.ISO_8859_1), 16));
                    i += 4;
                }
                default -> out.append((char) e);
            }
            run = i + 1;
        }
        return out.append(new String(in, run, tokenEnd - run, StandardCharsets.UTF_8)).toString();
    }

    @Override
    public boolean isIntegralNumber() {
        requireNumber();
        // As JSON-P defines it: a decimal of scale 0 ("-1.25e2" is integral, "1e3" is not).
        return integral || getBigDecimal().scale() == 0;
    }

    @Override
    public int getInt() {
        return getBigDecimal().intValue();
    }

    @Override
    public long getLong() {
        return getBigDecimal().longValue();
    }

    @Override
    public BigDecimal getBigDecimal() {
        requireNumber();
        return new BigDecimal(getString());
    }

    private void requireNumber() {
        if (current != Event.VALUE_NUMBER) {
            throw new IllegalStateException("not at a number but at " + current);
        }
    }

    @Override
    public JsonLocation getLocation() {
        return location(pos);
    }

    @Override
    public Event currentEvent() {
        return current;
    }

    /** Advances to the end of the innermost array, when the parser is in one. */
    @Override
    public void skipArray() {
        skipTo(ARRAY, Event.END_ARRAY);
    }

    /** Advances to the end of the innermost object, when the parser is in one. */
    @Override
    public void skipObject() {
        skipTo(OBJECT, Event.END_OBJECT);
    }

    private void skipTo(byte container, Event closing) {
        if (depth == 0 || containers[depth - 1] != container) {
            return;
        }
        int target = depth - 1;
        while (!(next() == closing && depth == target)) {
            // every token is still checked: a skipped member must be JSON too
        }
    }

    @Override
    public void close() {
        // Nothing is held: the bytes belong to the caller.
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private void expect(char c) {
        if (pos == end || in[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private JsonParsingException error(String message) {
        return new JsonParsingException(message + " at byte " + pos, location(pos));
    }

    private static JsonLocation location(long offset) {
        return new JsonLocation() {
            @Override
            public long getLineNumber() {
                return -1;
            }

            @Override
            public long getColumnNumber() {
                return -1;
            }

            @Override
            public long getStreamOffset() {
                return offset;
            }
        };
    }
}
