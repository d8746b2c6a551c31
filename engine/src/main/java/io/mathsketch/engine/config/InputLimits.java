package io.mathsketch.engine.config;

import io.mathsketch.engine.image.DigitImage;

/**
 * Input limits applied before any expensive work: configuration section {@code limits}.
 *
 * @param maxPayloadBytes largest encoded image accepted (the server also applies it to every request body)
 * @param maxWidth largest declared width, checked from the header before decoding pixels
 * @param maxHeight largest declared height, checked from the header before decoding pixels
 * @param maxDigits most digits a number may have; an image with more digit-like regions is refused before any of
 *                  them is centred or read, so a picture of a million specks costs no more than a real number
 * @param maxInkStrokes most strokes a digital ink may hold
 * @param maxInkStrokePoints most points one stroke of a digital ink may hold
 * @param maxInkCoordinate largest absolute value of an ink coordinate, and largest ink width, height and pen width
 * @param maxInkWork most drawing work one request may do with its ink: pixels its stroke segments visit at the size
 *                   they are drawn (about (length + pen) x pen each) plus the points of its flattened strokes,
 *                   counted before drawing ({@code io.mathsketch.engine.ink.InkWork})
 * @param maxImagePixels largest declared width x height one request may decode (its decode budget)
 * @param maxDecodedBytesInFlight heap that decoded pixels of all requests together may take at once; a request that
 *                                would go over waits for nobody: it is refused as overloaded
 */
public record InputLimits(long maxPayloadBytes, int maxWidth, int maxHeight, int maxDigits, long maxImagePixels,
                          long maxDecodedBytesInFlight, int maxInkStrokes,
                          int maxInkStrokePoints, int maxInkCoordinate, long maxInkWork) {

    /**
     * 8 MiB by default: a 12-megapixel phone JPEG is 2-5 MB, one of up to 6 MiB fits base64-encoded in JSON, and the
     * engine decodes it reduced ({@code Reduction}). The heap bodies take together is the server's body budget.
     */
    public static final Key<Long> MAX_PAYLOAD_BYTES = Key.longValue("max-payload-bytes", 8_388_608, 1024,
            256L * 1024 * 1024);
    /** Pixels one image may hold whatever the limits, so that no buffer size overflows; the most max-image-pixels. */
    public static final long MAX_PIXELS_OF_ANY_IMAGE = 1L << 28;
    // Every limit on a picture's size admits at least the model's own input, a 28x28 digit.
    public static final Key<Integer> MAX_IMAGE_WIDTH = Key.integer("max-image-width", 4096, DigitImage.SIDE, 65_535);
    public static final Key<Integer> MAX_IMAGE_HEIGHT = Key.integer("max-image-height", 4096, DigitImage.SIDE,
            65_535);
    public static final Key<Integer> MAX_DIGITS = Key.integer("max-digits", 32, 1, 256);
    public static final Key<Integer> MAX_INK_STROKES = Key.integer("max-ink-strokes", 256, 1, 100_000);
    public static final Key<Integer> MAX_INK_STROKE_POINTS = Key.integer("max-ink-stroke-points", 10_000, 1,
            10_000_000);
    public static final Key<Integer> MAX_INK_COORDINATE = Key.integer("max-ink-coordinate", 100_000, DigitImage.SIDE,
            1_000_000_000);
    public static final Key<Long> MAX_INK_WORK = Key.longValue("max-ink-work", 8_000_000, 10_000, 1L << 40);
    public static final Key<Long> MAX_IMAGE_PIXELS = Key.longValue("max-image-pixels", 16_777_216, DigitImage.SIZE,
            MAX_PIXELS_OF_ANY_IMAGE);
    /** Absent: half the JVM's maximum heap ({@link #defaultDecodedBytesInFlight()}). */
    public static final Key<Long> MAX_DECODED_BYTES_IN_FLIGHT = Key.longValue("max-decoded-bytes-in-flight",
            268_435_456, 1_048_576, 1L << 40).derivedDefault("half the JVM's maximum heap");

    /** Every limit at its default. */
    public static final InputLimits DEFAULT = builder().build();

    public InputLimits {
        MAX_PAYLOAD_BYTES.check(maxPayloadBytes);
        MAX_IMAGE_WIDTH.check(maxWidth);
        MAX_IMAGE_HEIGHT.check(maxHeight);
        MAX_DIGITS.check(maxDigits);
        MAX_IMAGE_PIXELS.check(maxImagePixels);
        MAX_DECODED_BYTES_IN_FLIGHT.check(maxDecodedBytesInFlight);
        MAX_INK_STROKES.check(maxInkStrokes);
        MAX_INK_STROKE_POINTS.check(maxInkStrokePoints);
        MAX_INK_COORDINATE.check(maxInkCoordinate);
        MAX_INK_WORK.check(maxInkWork);
    }

    /** Reads the section; absent keys take their defaults. */
    public static InputLimits from(ConfigValues values) {
        Builder builder = builder()
                .maxPayloadBytes(values.get(MAX_PAYLOAD_BYTES))
                .maxWidth(values.get(MAX_IMAGE_WIDTH))
                .maxHeight(values.get(MAX_IMAGE_HEIGHT))
                .maxDigits(values.get(MAX_DIGITS))
                .maxImagePixels(values.get(MAX_IMAGE_PIXELS))
                .maxInkStrokes(values.get(MAX_INK_STROKES))
                .maxInkStrokePoints(values.get(MAX_INK_STROKE_POINTS))
                .maxInkCoordinate(values.get(MAX_INK_COORDINATE))
                .maxInkWork(values.get(MAX_INK_WORK));
        values.find(MAX_DECODED_BYTES_IN_FLIGHT).ifPresent(builder::maxDecodedBytesInFlight);
        return builder.build();
    }

    /** What an absent {@code limits.max-decoded-bytes-in-flight} means: half the heap, the rest for everything else. */
    public static long defaultDecodedBytesInFlight() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from every default. */
    public static final class Builder {
        private long maxPayloadBytes = MAX_PAYLOAD_BYTES.defaultValue();
        private int maxWidth = MAX_IMAGE_WIDTH.defaultValue();
        private int maxHeight = MAX_IMAGE_HEIGHT.defaultValue();
        private int maxDigits = MAX_DIGITS.defaultValue();
        private long maxImagePixels = MAX_IMAGE_PIXELS.defaultValue();
        private long maxDecodedBytesInFlight = defaultDecodedBytesInFlight();
        private int maxInkStrokes = MAX_INK_STROKES.defaultValue();
        private int maxInkStrokePoints = MAX_INK_STROKE_POINTS.defaultValue();
        private int maxInkCoordinate = MAX_INK_COORDINATE.defaultValue();
        private long maxInkWork = MAX_INK_WORK.defaultValue();

        private Builder() {
        }

        public Builder maxPayloadBytes(long maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        public Builder maxWidth(int maxWidth) {
            this.maxWidth = maxWidth;
            return this;
        }

        public Builder maxHeight(int maxHeight) {
            this.maxHeight = maxHeight;
            return this;
        }

        public Builder maxDigits(int maxDigits) {
            this.maxDigits = maxDigits;
            return this;
        }

        public Builder maxImagePixels(long maxImagePixels) {
            this.maxImagePixels = maxImagePixels;
            return this;
        }

        public Builder maxDecodedBytesInFlight(long maxDecodedBytesInFlight) {
            this.maxDecodedBytesInFlight = maxDecodedBytesInFlight;
            return this;
        }

        public Builder maxInkStrokes(int maxInkStrokes) {
            this.maxInkStrokes = maxInkStrokes;
            return this;
        }

        public Builder maxInkStrokePoints(int maxInkStrokePoints) {
            this.maxInkStrokePoints = maxInkStrokePoints;
            return this;
        }

        public Builder maxInkCoordinate(int maxInkCoordinate) {
            this.maxInkCoordinate = maxInkCoordinate;
            return this;
        }

        public Builder maxInkWork(long maxInkWork) {
            this.maxInkWork = maxInkWork;
            return this;
        }

        public InputLimits build() {
            return new InputLimits(maxPayloadBytes, maxWidth, maxHeight, maxDigits, maxImagePixels,
                    maxDecodedBytesInFlight, maxInkStrokes, maxInkStrokePoints, maxInkCoordinate, maxInkWork);
        }
    }
}
