package io.mathsketch.engine;

import io.mathsketch.engine.expression.ExpressionException;

/**
 * Every way a recognition can fail because of its input or the engine's state. The hierarchy is sealed so that the
 * server maps each kind to exactly one HTTP problem type in one place.
 */
public abstract sealed class RecognitionException extends Exception {

    protected RecognitionException(String message) {
        super(message);
    }

    protected RecognitionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The encoded payload is larger than the configured byte limit. */
    public static final class PayloadTooLarge extends RecognitionException {
        public PayloadTooLarge(long size, long limit) {
            super("payload of " + size + " bytes exceeds the limit of " + limit + " bytes");
        }
    }

    /** The image declares more pixels than allowed; detected from the header, before any pixel is decoded. */
    public static final class ImageTooLarge extends RecognitionException {
        public ImageTooLarge(int width, int height, int maxWidth, int maxHeight) {
            super("image of " + width + "x" + height + " pixels exceeds the limit of " + maxWidth + "x" + maxHeight);
        }

        /** Within the width and height limits, but more pixels than one request may decode. */
        public ImageTooLarge(int width, int height, long maxPixels, String budget) {
            super("image of " + width + "x" + height + " = " + (long) width * height + " pixels exceeds " + budget
                    + " of " + maxPixels + " pixels");
        }

        /** Reduced while decoding (a large photo) to {@code heldWidth x heldHeight}, and still too large. */
        public ImageTooLarge(int width, int height, int heldWidth, int heldHeight, long maxPixels, String budget) {
            super("image of " + width + "x" + height + " pixels, decoded at " + heldWidth + "x" + heldHeight + " = "
                    + (long) heldWidth * heldHeight + " pixels, exceeds " + budget + " of " + maxPixels + " pixels");
        }
    }

    /** The bytes are not an image format we read (PNG, JPEG, GIF, BMP). */
    public static final class UnsupportedImage extends RecognitionException {
        public UnsupportedImage(String message) {
            super(message);
        }
    }

    /** The bytes claim a supported format but cannot be decoded. */
    public static final class CorruptImage extends RecognitionException {
        public CorruptImage(String message) {
            super(message);
        }

        public CorruptImage(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The image holds no ink: reported as such rather than guessed. */
    public static final class BlankImage extends RecognitionException {
        public BlankImage() {
            super("the image contains no ink");
        }
    }

    /**
     * A number holds more digit-like regions than {@code limits.max-digits} allows. Raised as soon as the count is
     * known, before any region is centred or read, so refusing costs no more than reading a real number.
     */
    public static final class TooManyDigits extends RecognitionException {
        public TooManyDigits(int found, int limit) {
            super("the image holds " + found + " or more digit-like regions, more than the limit of " + limit
                    + " digits (limits.max-digits)");
        }

        /** Refused before the count is known, for a reason the message gives (and the limit it names). */
        public TooManyDigits(String message) {
            super(message);
        }
    }

    /** An already-normalised pixel array of the wrong size or with values out of range. */
    public static final class InvalidPixels extends RecognitionException {
        public InvalidPixels(String message) {
            super(message);
        }
    }

    /** An expression holds more symbols than one reading may take apart. */
    public static final class TooManySymbols extends RecognitionException {
        public TooManySymbols(String message) {
            super(message);
        }
    }

    /**
     * The symbols were read but do not form an expression with a value (unbalanced parentheses, a dangling operator,
     * division by zero, a number too large). Carries what was read, so that the writer can see what to fix.
     */
    public static final class InvalidExpression extends RecognitionException {
        private final ExpressionException.Kind kind;
        private final int position;
        private final String text;

        public InvalidExpression(ExpressionException cause, String text) {
            super(cause.getMessage() + " in '" + text + "'", cause);
            this.kind = cause.kind();
            this.position = cause.position();
            this.text = text;
        }

        public ExpressionException.Kind kind() {
            return kind;
        }

        /** Index of the symbol where the expression goes wrong (the symbol count when it ends too early). */
        public int position() {
            return position;
        }

        /** The symbols as read, in plain characters. */
        public String text() {
            return text;
        }
    }

    /** The model cannot serve the requested mode (a digit model asked to read an expression). */
    public static final class UnsuitableModel extends RecognitionException {
        public UnsuitableModel(String model, String why) {
            super("model '" + model + "' cannot read this: " + why);
        }
    }

    /** Digital ink that is not in the ink format, or holds a value no drawing has (NaN, infinity, a size <= 0). */
    public static final class InvalidInk extends RecognitionException {
        public InvalidInk(String message) {
            super(message);
        }
    }

    /** Digital ink over one of the configured ink limits (strokes, points per stroke, coordinate range). */
    public static final class InkTooLarge extends RecognitionException {
        public InkTooLarge(String message) {
            super(message);
        }
    }

    /** No loaded model answers to that name (and version), or none can serve a mode when no model is named. */
    public static final class UnknownModel extends RecognitionException {
        public UnknownModel(String reference) {
            super("no model is loaded as '" + reference + "'");
        }

        // The flag only tells this constructor, which takes the whole message, from the public one.
        private UnknownModel(String message, boolean unnamed) {
            super(message);
        }

        /** No model was named and no {@code kind} that {@code mode} needs is loaded; {@code remedy} says what to do. */
        public static UnknownModel noneFor(String kind, String mode, String remedy) {
            return new UnknownModel("no " + kind + " is loaded for " + mode + ": " + remedy, true);
        }
    }

    /** The inference queue is full, or decoding would exceed the memory for pixels in flight: retry later. */
    public static final class Overloaded extends RecognitionException {
        public Overloaded(String model) {
            super("the inference queue of model '" + model + "' is full");
        }

        /** Decoding this image now would take the decoded pixels of all requests over their budget. */
        public Overloaded(long bytesNeeded, long bytesInFlight, long budget) {
            super("decoding this image needs " + bytesNeeded + " bytes while " + bytesInFlight + " of the "
                    + budget + " bytes for decoded pixels are in use by other requests");
        }
    }

    /** Inference itself failed (native error, shutdown). Not the client's fault. */
    public static final class InferenceFailed extends RecognitionException {
        public InferenceFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
