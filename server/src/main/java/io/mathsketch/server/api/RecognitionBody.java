package io.mathsketch.server.api;

import io.helidon.http.HttpMediaType;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.InkTooLarge;
import io.mathsketch.engine.RecognitionException.InvalidInk;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.json.ByteJsonParser;
import io.mathsketch.engine.ink.InkJson;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.stream.JsonParser;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * What a recognition request body carries, whatever its media type: raw image bytes, a multipart form field
 * {@code image} (with optional text fields {@code model}, {@code mode}, {@code store}), or JSON with a data-URL /
 * base64 {@code image}, digital {@code ink} or a {@code pixels} array.
 *
 * @param input what the engine reads
 * @param original the encoded image as received, or the ink's JSON text as it is kept (empty for pixel input)
 * @param options options given in the body
 */
record RecognitionBody(RecognitionRequest.Input input, Optional<byte[]> original, RecognitionOptions options) {

    private static final Set<String> FORM_FIELDS = Set.of("image", "model", "mode", "store");
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp",
            "image/x-ms-bmp");

    /**
     * @param workingMemory told, before they are made, how many bytes the body and its copies will hold in all (a
     *                      form's part, a JSON image's string, base64 and decoded bytes); it may wait or refuse
     */
    static RecognitionBody parse(Optional<HttpMediaType> mediaType, byte[] body, InputLimits limits,
                                 LongConsumer workingMemory) throws RecognitionException {
        String type = RequestMediaType.of(mediaType);
        if (IMAGE_TYPES.contains(type)) {
            return image(body, RecognitionOptions.NONE);
        }
        if (type.equals("multipart/form-data")) {
            String boundary = mediaType.get().parameters().get("boundary");
            workingMemory.accept(2L * body.length);
            Map<String, byte[]> form = MultipartForm.parts(body, boundary, FORM_FIELDS);
            byte[] image = Optional.ofNullable(form.get("image")).orElseThrow(() ->
                    new ProblemException(ProblemType.BAD_REQUEST, "the form has no 'image' field"));
            // A form's fields say what the query would (a page's <select name="mode">), and win over it as JSON's do.
            return image(image, new RecognitionOptions(
                    field(form, "model").map(RecognitionOptions::model),
                    field(form, "mode").map(RecognitionOptions::mode),
                    field(form, "store").map(RecognitionOptions::store)));
        }
        if (RequestMediaType.isJson(type)) {
            RequestMediaType.requireUtf8(mediaType);
            return json(RequestMediaType.withoutBom(body), limits, workingMemory);
        }
        throw RequestMediaType.unsupported(type, "image/png, image/jpeg, image/gif, image/bmp, multipart/form-data or"
                + " application/json");
    }

    /** A text field of a form, read as the query's value would be. */
    private static Optional<String> field(Map<String, byte[]> form, String name) {
        return Optional.ofNullable(form.get(name)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static RecognitionBody image(byte[] bytes, RecognitionOptions options) {
        if (bytes.length == 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the image is empty");
        }
        return new RecognitionBody(new RecognitionRequest.Input.EncodedImage(bytes), Optional.of(bytes), options);
    }

    /**
     * Reads a JSON body as a stream of events rather than a tree: a body at the size limit holding a huge array or
     * deep nesting then costs no more than its own bytes, and a {@code pixels} array is refused at its 785th value
     * instead of after a million values have been built into objects. The parser reads numbers straight from the
     * body's bytes: an ink or pixels body is mostly numbers.
     */
    private static RecognitionBody json(byte[] body, InputLimits limits, LongConsumer workingMemory)
            throws RecognitionException {
        JsonFields fields = new JsonFields(body, limits);
        JsonBody.read(body, "the body is not a JSON object with 'image', 'ink' or 'pixels'", fields::read);
        RecognitionOptions options = new RecognitionOptions(
                fields.model.map(RecognitionOptions::model), fields.mode.map(RecognitionOptions::mode), fields.store);
        int inputs = (fields.image.isPresent() ? 1 : 0) + (fields.pixels.isPresent() ? 1 : 0)
                + (fields.ink.isPresent() ? 1 : 0);
        if (inputs != 1) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "send exactly one of 'image', 'ink' or 'pixels'");
        }
        if (fields.ink.isPresent()) {
            return new RecognitionBody(new RecognitionRequest.Input.DigitalInk(fields.ink.get().ink()),
                    Optional.of(fields.ink.get().json()), options);
        }
        if (fields.pixelsProblem.isPresent()) {
            throw fields.pixelsProblem.get();
        }
        if (fields.pixels.isPresent()) {
            return new RecognitionBody(new RecognitionRequest.Input.Pixels(fields.pixels.get()), Optional.empty(),
                    options);
        }
        String image = fields.image.get();
        // The string (a byte a character), its base64 without whitespace and the decoded bytes: 2.75 times its length.
        // A string holding a character beyond Latin-1 takes two bytes a character, but is refused before it is decoded.
        workingMemory.accept(body.length + 3L * image.length());
        return image(base64Image(image), options);
    }

    /** The members of a JSON body, read from the parser one by one; unknown members are skipped unread. */
    private static final class JsonFields {
        private final byte[] body;
        private final InputLimits limits;
        private Optional<String> model = Optional.empty();
        private Optional<String> mode = Optional.empty();
        private Optional<Boolean> store = Optional.empty();
        private Optional<String> image = Optional.empty();
        private Optional<float[]> pixels = Optional.empty();
        private Optional<ProblemException> pixelsProblem = Optional.empty();
        private Optional<InkJson.Read> ink = Optional.empty();

        JsonFields(byte[] body, InputLimits limits) {
            this.body = body;
            this.limits = limits;
        }

        void read(String key, ByteJsonParser parser) throws InvalidInk, InkTooLarge {
            JsonParser.Event value = parser.next();
            switch (key) {
                case "model" -> model = string(key, value, parser);
                case "mode" -> mode = string(key, value, parser);
                case "store" -> store = switch (value) {
                    case VALUE_TRUE -> Optional.of(true);
                    case VALUE_FALSE -> Optional.of(false);
                    case VALUE_NULL -> Optional.empty();
                    default -> throw new ProblemException(ProblemType.BAD_REQUEST,
                            "'" + key + "' must be true or false");
                };
                case "image" -> {
                    if (value != JsonParser.Event.VALUE_STRING && value != JsonParser.Event.VALUE_NULL) {
                        throw new ProblemException(ProblemType.BAD_REQUEST,
                                "'image' must be a data URL or base64 string");
                    }
                    image = value == JsonParser.Event.VALUE_NULL ? Optional.empty() : Optional.of(parser.getString());
                }
                case "ink" -> ink = switch (value) {
                    // Read as events with every limit checked on the way: the first point over a limit ends the
                    // request, before the rest of the body is looked at.
                    case START_OBJECT -> Optional.of(InkJson.read(parser, body, limits));
                    case VALUE_NULL -> Optional.empty();
                    default -> throw new InvalidInk("'ink' must be an object {\"strokes\": [...], \"width\": W,"
                            + " \"height\": H, \"penWidth\": P}");
                };
                case "pixels" -> {
                    pixelsProblem = Optional.empty();
                    try {
                        pixels = value == JsonParser.Event.VALUE_NULL ? Optional.empty()
                                : Optional.of(pixels(value, parser));
                    } catch (ProblemException e) {
                        // Reported after the body's shape is known (sending both inputs is the first error), and
                        // the rest of a refused array is skipped as events, never built.
                        pixels = Optional.of(new float[0]);
                        pixelsProblem = Optional.of(e);
                        if (value != JsonParser.Event.START_ARRAY) {
                            skip(value, parser);
                        }
                    }
                }
                default -> skip(value, parser);
            }
        }

        private static Optional<String> string(String key, JsonParser.Event value, JsonParser parser) {
            return switch (value) {
                case VALUE_STRING -> Optional.of(parser.getString());
                case VALUE_NULL -> Optional.empty();
                default -> throw new ProblemException(ProblemType.BAD_REQUEST, "'" + key + "' must be a string");
            };
        }

        /** Skips to the end of the array being read, whatever depth the refusal left the parser at. */
        private static void skipRest(JsonParser parser) {
            int depth = 1;
            while (depth > 0) {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> depth++;
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> { }
                }
            }
        }

        private static void skip(JsonParser.Event value, JsonParser parser) {
            if (value == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (value == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
        }
    }

    private static float[] pixels(JsonParser.Event start, ByteJsonParser parser) {
        String expected = "'pixels' must hold " + DigitImage.SIZE + " numbers (" + DigitImage.SIDE + "x"
                + DigitImage.SIDE + ", row-major)";
        if (start != JsonParser.Event.START_ARRAY) {
            throw new ProblemException(ProblemType.INVALID_PIXELS, "'pixels' must be an array of " + DigitImage.SIZE
                    + " numbers");
        }
        float[] pixels = new float[DigitImage.SIZE];
        int count = 0;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            if (count == DigitImage.SIZE) {
                JsonFields.skip(event, parser);
                JsonFields.skipRest(parser);
                throw new ProblemException(ProblemType.INVALID_PIXELS, expected + ", not more");
            }
            if (event != JsonParser.Event.VALUE_NUMBER) {
                JsonFields.skip(event, parser);
                JsonFields.skipRest(parser);
                throw new ProblemException(ProblemType.INVALID_PIXELS, "pixels[" + count + "] is not a number");
            }
            // Never a BigDecimal: one of a number a megabyte long would take seconds to build.
            pixels[count++] = (float) parser.getDouble();
        }
        if (count != DigitImage.SIZE) {
            throw new ProblemException(ProblemType.INVALID_PIXELS, expected + ", not " + count);
        }
        return pixels;
    }

    /**
     * The bytes of a {@code data:image/png;base64,...} URL or of bare base64. Two arrays are made: the base64's
     * characters but whitespace, a byte each, and the decoded bytes (no substring, no whitespace-free string, no
     * trimmed copy). A character beyond ASCII is never base64 and cannot be written as one byte, so it is refused
     * where it is found, named as it was sent; the decoder names any other character that is not base64.
     */
    private static byte[] base64Image(String text) {
        int start = 0;
        if (text.startsWith("data:")) {
            int comma = text.indexOf(',');
            if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "'image' must be a base64 data URL");
            }
            start = comma + 1;
        }
        byte[] base64 = new byte[text.length() - start];
        int length = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                int codePoint = text.codePointAt(i);
                throw new ProblemException(ProblemType.BAD_REQUEST, "'image' is not valid base64: character "
                        + ProblemText.echo(Character.toString(codePoint))
                        + String.format(" (U+%04X) at index %d", codePoint, i - start));
            }
            if (!Character.isWhitespace(c)) {
                base64[length++] = (byte) c;
            }
        }
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(base64, 0, length));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "'image' is not valid base64: "
                    + ProblemText.echo(String.valueOf(e.getMessage())));
        }
        // The decoder sizes its array to the output of valid base64; were it ever larger, only the bytes written count.
        byte[] bytes = decoded.array();
        return decoded.arrayOffset() == 0 && decoded.limit() == bytes.length ? bytes
                : Arrays.copyOfRange(bytes, decoded.arrayOffset(), decoded.arrayOffset() + decoded.limit());
    }
}
