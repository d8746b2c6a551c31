package io.mathsketch.engine.config;

/**
 * Input limits applied before any expensive work: configuration section {@code limits}.
 *
 * @param maxPayloadBytes largest encoded image accepted (the server also applies it to every request body)
 * @param maxWidth largest declared width, checked from the header before decoding pixels
 * @param maxHeight largest declared height, checked from the header before decoding pixels
 * @param maxDigits most digits a number may have; an image with more digit-like regions is refused before any of
 *                  them is centred or read, so a picture of a million specks costs no more than a real number
 */
public record InputLimits(long maxPayloadBytes, int maxWidth, int maxHeight, int maxDigits) {

    public static final Key<Long> MAX_PAYLOAD_BYTES = Key.longValue("max-payload-bytes", 2_097_152, 1024,
            256L * 1024 * 1024);
    public static final Key<Integer> MAX_IMAGE_WIDTH = Key.integer("max-image-width", 4096, 28, 65_535);
    public static final Key<Integer> MAX_IMAGE_HEIGHT = Key.integer("max-image-height", 4096, 28, 65_535);
    public static final Key<Integer> MAX_DIGITS = Key.integer("max-digits", 32, 1, 256);

    /** Every limit at its default. */
    public static final InputLimits DEFAULT = builder().build();

    public InputLimits {
        MAX_PAYLOAD_BYTES.check(maxPayloadBytes);
        MAX_IMAGE_WIDTH.check(maxWidth);
        MAX_IMAGE_HEIGHT.check(maxHeight);
        MAX_DIGITS.check(maxDigits);
    }

    /** Reads the section; absent keys take their defaults. */
    public static InputLimits from(ConfigValues values) {
        return new InputLimits(values.get(MAX_PAYLOAD_BYTES), values.get(MAX_IMAGE_WIDTH),
                values.get(MAX_IMAGE_HEIGHT), values.get(MAX_DIGITS));
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

        public InputLimits build() {
            return new InputLimits(maxPayloadBytes, maxWidth, maxHeight, maxDigits);
        }
    }
}
