package io.mathsketch.engine.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: deterministic mutation of a JSON document into hostile ones, the same sequence for the same seed.
 * Each mutant is one or two steps: a number replaced by an edge (NaN, 1e999, -0, a huge exponent, a thousand digits),
 * a value wrapped in deep nesting, a key repeated, a string given escapes (a NUL, a lone surrogate, a non-ASCII
 * letter), a value's type changed, the text truncated, or a byte-level step of {@link ByteMutator}.
 */
public final class JsonMutator {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z]+)\":");
    private static final String[] NUMBERS = {"NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "-0",
            "-0.0", "0e0", "1E+2147483648", "1e-2147483649", "9".repeat(1000), "0." + "0".repeat(400) + "1",
            "1.7976931348623157e308", "4.9e-324", "-1", "1e6", "2147483648", "01", "1.", ".5", "+1", "1e", "--1",
            "0x10", "\"1\"", "true", "null", "[]", "{}", "[1]", "100000", "100000.0001", "99999.99", "1e5",
            "-100000", "0", "0.0001"};
    private static final String[] ESCAPES = {"\\u0000", "\\uD800", "\\uDC00x", "\\u00e9", "\\\"", "\\\\", "\\x",
            "\\u12", "é", "\u0001", "\uFFFF"};

    private final SplittableRandom random;
    private final ByteMutator bytes;

    public JsonMutator(long seed) {
        this.random = new SplittableRandom(seed);
        this.bytes = new ByteMutator(seed ^ 0x5DEECE66DL);
    }

    /** A mutant of {@code json}. */
    public String mutate(String json) {
        String text = json;
        for (int s = 1 + random.nextInt(2); s > 0; s--) {
            text = step(text);
        }
        return text;
    }

    private String step(String json) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> replaceOne(json, NUMBER, NUMBERS[random.nextInt(NUMBERS.length)]);
            case 2 -> nest(json);
            case 3 -> repeatKey(json);
            case 4 -> replaceOne(json, KEY, "\"" + ESCAPES[random.nextInt(ESCAPES.length)] + "$1\":");
            case 5 -> json.substring(0, random.nextInt(json.length() + 1));
            default -> new String(bytes.mutate(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        };
    }

    private String replaceOne(String json, Pattern pattern, String replacement) {
        List<int[]> found = matches(json, pattern);
        if (found.isEmpty()) {
            return json;
        }
        int[] m = found.get(random.nextInt(found.size()));
        Matcher matcher = pattern.matcher(json.substring(m[0], m[1]));
        return json.substring(0, m[0]) + matcher.replaceFirst(Matcher.quoteReplacement(replacement)
                .replace("\\$1", "$1")) + json.substring(m[1]);
    }

    /** One number wrapped in arrays (or objects) nested deeper than any parser should follow on its stack. */
    private String nest(String json) {
        List<int[]> found = matches(json, NUMBER);
        if (found.isEmpty()) {
            return json;
        }
        int[] m = found.get(random.nextInt(found.size()));
        int depth = new int[] {2, 64, 1000, 100_000}[random.nextInt(4)];
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return json.substring(0, m[0]) + open.repeat(depth) + json.substring(m[0], m[1]) + close.repeat(depth)
                + json.substring(m[1]);
    }

    /** A member named twice: a copy of one key and its number put right after the object's opening brace. */
    private String repeatKey(String json) {
        Matcher key = Pattern.compile("\"([A-Za-z]+)\":(-?[0-9.eE+]+)").matcher(json);
        List<String> members = new ArrayList<>();
        while (key.find()) {
            members.add(key.group());
        }
        int brace = json.indexOf('{');
        if (members.isEmpty() || brace < 0) {
            return json;
        }
        return json.substring(0, brace + 1) + members.get(random.nextInt(members.size())) + ","
                + json.substring(brace + 1);
    }

    private static List<int[]> matches(String json, Pattern pattern) {
        List<int[]> found = new ArrayList<>();
        Matcher m = pattern.matcher(json);
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        return found;
    }
}
