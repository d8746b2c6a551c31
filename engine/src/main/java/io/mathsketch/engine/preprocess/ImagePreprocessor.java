package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.Box;

import io.mathsketch.engine.image.InkImage;

import io.mathsketch.engine.image.DigitImage;

import io.mathsketch.engine.EngineConfig.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.InvalidPixels;
import io.mathsketch.engine.RecognitionException.PayloadTooLarge;
import io.mathsketch.engine.segment.DigitRegion;
import io.mathsketch.engine.segment.NumberSegmenter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Turns what a client sends into what a model reads: encoded PNG, JPEG, GIF or BMP bytes into an {@link InkImage}
 * (ink = 1, whatever the colours, polarity or transparency), a single MNIST-centred {@link DigitImage}, or one digit
 * per region of a number written left to right. Limits are enforced before any pixel is decoded.
 *
 * <p>Non-interlaced PNG, the format of canvas exports, takes a pure-Java fast path; everything else goes through
 * ImageIO. Thread-safe: PNG decoders (an inflater and row buffers each) are borrowed from a small pool owned
 * by this instance, which also works for virtual threads where a {@code ThreadLocal} would never be reused.
 */
public final class ImagePreprocessor {

    /** Pixels an image may hold whatever the width and height limits, so buffer sizes never overflow. */
    private static final long MAX_PIXELS = 1L << 28;

    private final InputLimits limits;
    private final ImageIoDecoder imageIo;
    private final MnistCentering centering = new MnistCentering();
    private final NumberSegmenter segmenter = new NumberSegmenter();
    private final ArrayBlockingQueue<PngDecoder> pngDecoders;

    public ImagePreprocessor(InputLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.imageIo = new ImageIoDecoder(limits);
        this.pngDecoders = new ArrayBlockingQueue<>(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Decodes an image into ink intensities.
     *
     * @throws PayloadTooLarge over {@link InputLimits#maxPayloadBytes()}
     * @throws ImageTooLarge when the header declares more pixels than allowed (checked before decoding)
     * @throws RecognitionException.UnsupportedImage when the bytes are not PNG, JPEG, GIF or BMP
     * @throws RecognitionException.CorruptImage when they claim one of those formats but cannot be decoded
     */
    public InkImage decode(byte[] encoded) throws RecognitionException {
        return withRaster(encoded, InkRaster::toInk);
    }

    /** Decodes one digit and centres it the MNIST way; a picture without ink is a {@link BlankImage}. */
    public DigitImage digit(byte[] encoded) throws RecognitionException {
        return digitInImage(encoded).digit();
    }

    /**
     * Like {@link #digit}, with the whole image as the digit's box (what a reading reports in digit mode). Only the
     * ink's bounding box is ever mapped to ink, never the whole canvas.
     */
    public DigitRegion digitInImage(byte[] encoded) throws RecognitionException {
        return withRaster(encoded, raster -> {
            InkImage box = raster.inkBox();
            if (box == null) {
                throw new BlankImage();
            }
            return new DigitRegion(new Box(0, 0, raster.width, raster.height),
                    centering.centerRegion(box, 0, 0, box.width(), box.height()));
        });
    }

    /** Decodes a number written left to right and returns one centred digit per region, left first. */
    public List<DigitRegion> digits(byte[] encoded) throws RecognitionException {
        return segmenter.segment(decode(encoded));
    }

    /**
     * The media type of encoded image bytes by their signature ({@code image/png}, {@code image/jpeg},
     * {@code image/gif} or {@code image/bmp}), or empty when they are not a format this engine reads.
     */
    public static Optional<String> mediaType(byte[] encoded) {
        return ImageFormat.of(encoded).map(ImageFormat::mediaType);
    }

    /**
     * Accepts an already-normalised digit: exactly 784 finite values in [0, 1], row-major, 1 = ink (the MNIST
     * convention), already centred. Values on a 0..255 scale are refused rather than guessed at, because an array
     * whose largest value happens to be 1 would be ambiguous; the message says to divide by 255.
     */
    public static DigitImage fromPixels(float[] values) throws InvalidPixels {
        if (values == null) {
            throw new InvalidPixels("pixels are missing");
        }
        if (values.length != DigitImage.SIZE) {
            throw new InvalidPixels("expected " + DigitImage.SIZE + " pixels (28x28), got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!(v >= 0f && v <= 1f)) {
                String hint = Float.isFinite(v) && v > 1f && v <= 255f
                        ? " (values must be in [0, 1]: divide 0..255 values by 255)" : " (values must be in [0, 1])";
                throw new InvalidPixels("pixel " + i + " (row " + i / DigitImage.SIDE + ", column "
                        + i % DigitImage.SIDE + ") is " + v + hint);
            }
        }
        return new DigitImage(values.clone());
    }

    static void checkDimensions(int width, int height, InputLimits limits) throws ImageTooLarge {
        if (width > limits.maxWidth() || height > limits.maxHeight() || (long) width * height > MAX_PIXELS) {
            throw new ImageTooLarge(width, height, limits.maxWidth(), limits.maxHeight());
        }
    }

    /** What is read off a decoded raster; it must not keep the raster, whose planes a pooled decoder reuses. */
    private interface RasterReader<T> {
        T read(InkRaster raster) throws RecognitionException;
    }

    private <T> T withRaster(byte[] encoded, RasterReader<T> reader) throws RecognitionException {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length > limits.maxPayloadBytes()) {
            throw new PayloadTooLarge(encoded.length, limits.maxPayloadBytes());
        }
        ImageFormat format = ImageFormat.sniff(encoded);
        if (format == ImageFormat.PNG) {
            PngHeader header = PngHeader.read(encoded);
            checkDimensions(header.width(), header.height(), limits);
            if (!header.interlaced()) {
                return withPngDecoder(encoded, header, reader);
            }
        }
        return reader.read(imageIo.decode(encoded, format));
    }

    private <T> T withPngDecoder(byte[] encoded, PngHeader header, RasterReader<T> reader)
            throws RecognitionException {
        PngDecoder decoder = pngDecoders.poll();
        if (decoder == null) {
            decoder = new PngDecoder();
        }
        try {
            InkRaster raster;
            try {
                raster = decoder.decode(encoded, header);
            } catch (RuntimeException e) {
                // Every malformed input is meant to be caught above; this keeps an unforeseen one a typed error.
                throw new RecognitionException.CorruptImage("PNG image cannot be decoded: " + e, e);
            }
            return reader.read(raster);
        } finally {
            // Only now: the raster's planes belong to the decoder.
            pngDecoders.offer(decoder);
        }
    }
}
