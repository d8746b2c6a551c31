package io.mathsketch.server.api;

import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.stream.JsonParser;

import java.math.BigDecimal;
import java.util.Optional;

/** Reads the body of a feedback request: {@code {"label": "7"}} or {@code {"label": 7}}. */
final class FeedbackLabel {

    /**
     * The largest body a correction may have: room for the longest label a request may name
     * ({@link RecognitionService#MAX_LABEL} characters), each written as a six-byte escape, and more. Bodies up to
     * {@code limits.max-payload-bytes} (8 MiB, sized for images) were parsed whole, 170-220 ms of CPU for one token.
     */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String EXAMPLE = "{\"label\": \"7\"}";
    private static final String WHAT = "'label' must be a digit string such as \"7\" or a non-negative whole number";

    private FeedbackLabel() {
    }

    static String read(byte[] utf8) {
        byte[] body = RequestMediaType.withoutBom(utf8);
        if (blank(body)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body is empty; send a JSON object such as "
                    + EXAMPLE);
        }
        String[] label = {null};
        JsonBody.read(body, "the body is not a JSON object such as " + EXAMPLE, (name, parser) -> {
            JsonParser.Event value = parser.next();
            if (name.equals("label")) {
                label[0] = switch (value) {
                    case VALUE_STRING -> text(parser.getString());
                    case VALUE_NUMBER -> wholeNumber(parser.getString()).orElseThrow(FeedbackLabel::notALabel);
                    default -> throw notALabel();
                };
            } else if (value == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (value == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
        });
        if (label[0] == null) {
            throw notALabel();
        }
        return label[0];
    }

    /**
     * A label given as a string, without its surrounding spaces. A control character anywhere in it is 400: no label
     * holds one, and trimming ({@code String.trim} takes every character up to U+0020) or the expression symbols'
     * reading (which skips white space) would otherwise drop it silently: {@code "1+"} followed by U+0000 was
     * stored as {@code "1+"}, a correction the user never wrote.
     */
    static String text(String given) {
        if (given.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "label '" + ProblemText.echo(given)
                    + "' holds a control character; no label has one");
        }
        return given.trim();
    }

    /**
     * The digits of a JSON number that is exactly a whole number of at least zero ({@code 7}, {@code 7.0},
     * {@code 7e0}, {@code 18446744073709551616}), exactly by its decimal value: never through a {@code long}, which
     * would wrap. Empty for any other number, and for one longer than any label (a decimal of a million digits would
     * take seconds to build).
     */
    static Optional<String> wholeNumber(String text) {
        if (text.length() > RecognitionService.MAX_LABEL) {
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            // An exponent beyond an int's range: no label has that many digits.
            return Optional.empty();
        }
        boolean whole = value.signum() >= 0 && value.scale() <= 0;
        if (!whole || value.precision() - value.scale() > RecognitionService.MAX_LABEL) {
            return Optional.empty();
        }
        return Optional.of(value.toBigIntegerExact().toString());
    }

    private static ProblemException notALabel() {
        return new ProblemException(ProblemType.BAD_REQUEST, WHAT);
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
