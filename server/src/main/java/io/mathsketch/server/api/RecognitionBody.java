package io.mathsketch.server.api;

import io.mathsketch.server.JsonFactory;
import io.helidon.http.HttpMediaType;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a recognition request body carries, whatever its media type: raw image bytes, a multipart form field
 * {@code image}, or JSON with a data-URL / base64 {@code image} or a {@code pixels} array.
 *
 * @param input what the engine reads
 * @param original the encoded image as received (empty for pixel input)
 * @param options options given in the body
 */
record RecognitionBody(RecognitionRequest.Input input, Optional<byte[]> original, RecognitionOptions options) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp",
            "image/x-ms-bmp");

    static RecognitionBody parse(Optional<HttpMediaType> mediaType, byte[] body) {
        String type = mediaType.map(m -> m.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
        if (IMAGE_TYPES.contains(type)) {
            return image(body, RecognitionOptions.NONE);
        }
        if (type.equals("multipart/form-data")) {
            String boundary = mediaType.get().parameters().get("boundary");
            byte[] image = MultipartForm.part(body, boundary, "image").orElseThrow(() ->
                    new ProblemException(ProblemType.BAD_REQUEST, "the form has no 'image' field"));
            return image(image, RecognitionOptions.NONE);
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            return json(body);
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, (type.isEmpty() ? "a missing Content-Type"
                : "Content-Type '" + type + "'") + " is not accepted; send image/png, image/jpeg, image/gif,"
                + " image/bmp, multipart/form-data or application/json");
    }

    private static RecognitionBody image(byte[] bytes, RecognitionOptions options) {
        if (bytes.length == 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the image is empty");
        }
        return new RecognitionBody(new RecognitionRequest.Input.EncodedImage(bytes), Optional.of(bytes), options);
    }

    private static RecognitionBody json(byte[] body) {
        JsonObject json;
        try (var reader = JsonFactory.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body is not a JSON object: " + e.getMessage());
        }
        RecognitionOptions options = new RecognitionOptions(
                optionalString(json, "model").map(RecognitionOptions::model),
                optionalString(json, "mode").map(RecognitionOptions::mode),
                optionalBoolean(json, "store"));
        boolean hasImage = json.containsKey("image") && json.get("image").getValueType() != JsonValue.ValueType.NULL;
        boolean hasPixels = json.containsKey("pixels") && json.get("pixels").getValueType() != JsonValue.ValueType.NULL;
        if (hasImage == hasPixels) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "send exactly one of 'image' or 'pixels'");
        }
        if (hasPixels) {
            return new RecognitionBody(new RecognitionRequest.Input.Pixels(pixels(json.get("pixels"))),
                    Optional.empty(), options);
        }
        if (!(json.get("image") instanceof JsonString image)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "'image' must be a data URL or base64 string");
        }
        return image(base64Image(image.getString()), options);
    }

    private static float[] pixels(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw new ProblemException(ProblemType.INVALID_PIXELS, "'pixels' must be an array of " + DigitImage.SIZE + " numbers");
        }
        if (array.size() != DigitImage.SIZE) {
            throw new ProblemException(ProblemType.INVALID_PIXELS, "'pixels' must hold " + DigitImage.SIZE
                    + " numbers (" + DigitImage.SIDE + "x" + DigitImage.SIDE + ", row-major), not " + array.size());
        }
        float[] pixels = new float[array.size()];
        for (int i = 0; i < pixels.length; i++) {
            if (!(array.get(i) instanceof JsonNumber n)) {
                throw new ProblemException(ProblemType.INVALID_PIXELS, "pixels[" + i + "] is not a number");
            }
            pixels[i] = (float) n.doubleValue();
        }
        return pixels;
    }

    private static Optional<String> optionalString(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "'" + key + "' must be a string");
    }

    private static Optional<Boolean> optionalBoolean(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        return switch (value.getValueType()) {
            case TRUE -> Optional.of(true);
            case FALSE -> Optional.of(false);
            default -> throw new ProblemException(ProblemType.BAD_REQUEST, "'" + key + "' must be true or false");
        };
    }

    /** The bytes of a {@code data:image/png;base64,...} URL or of bare base64. */
    private static byte[] base64Image(String text) {
        String payload = text;
        if (text.startsWith("data:")) {
            int comma = text.indexOf(',');
            if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "'image' must be a base64 data URL");
            }
            payload = text.substring(comma + 1);
        }
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(payload).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "'image' is not valid base64: " + e.getMessage());
        }
    }
}
