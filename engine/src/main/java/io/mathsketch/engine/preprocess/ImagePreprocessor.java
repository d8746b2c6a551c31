package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.WorkMeter;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.InvalidPixels;
import io.mathsketch.engine.RecognitionException.PayloadTooLarge;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.image.DigitRegion;

import java.util.Optional;

/**
 * Turns what a client sends into what a model reads: encoded PNG, JPEG, GIF or BMP bytes into an {@link InkImage}
 * (ink = 1, whatever the colours, polarity or transparency), a single MNIST-centred {@link DigitImage}, or the ink
 * of a number, cropped and shrunk to a bounded size for segmentation. Decoding, and its limits, belong to the
 * {@link ImageDecoder}; this class decides where the ink is and centres it: by the canvas rule ({@code InkExtractor})
 * when the background is flat, as drawings exported from a canvas have it, and otherwise as a photo of paper
 * ({@link PhotoInk}: light normalised, ink thresholded, specks and edge marks dropped) for a digit (and, in digit mode,
 * for a scanned page whatever its background: {@link PhotoInk#scannedPage}), an expression (its written line with its
 * operators, {@link #expressionCrop}) and a number (its written line, {@link #lineCrop}). Thread-safe.
 */
public final class ImagePreprocessor {

    /**
     * An expression's line on a photo less high than this in working pixels (its box, slant and all) is enlarged
     * {@link #ENLARGE} times before it is taken apart: its symbols are then some 10-30 pixels high, where a pen a
     * pixel or two wide leaves minus signs and points of a few pixels (specks to the segmenter) and touching strokes
     * one mark. On {@code ExpressionPhotoTuning} (150 photos each) 46 -> 48 exact, and 50 -> 52 on its second set
     * (seed 0x5A4F0043, expressions 30,000-30,149); at 40 px 47, at 80 px 48, at 100 px and three times 45.
     */
    private static final int SMALL_LINE = 60;
    /** How many times a small line is enlarged ({@link #SMALL_LINE}). */
    private static final int ENLARGE = 2;

    private final ImageDecoder decoder;
    private final MnistCentering centering = new MnistCentering();

    public ImagePreprocessor(InputLimits limits) {
        this(new ImageDecoder(limits));
    }

    /** Decodes through {@code decoder}, drawing on its decode budget with whoever else uses it. */
    public ImagePreprocessor(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Decodes an image into ink intensities: at full size for a drawing on a flat background; for a photo of paper,
     * only its kept ink, on a copy reduced to at most {@link PhotoInk#MAX_WORKING_SIDE} pixels a side.
     *
     * @throws PayloadTooLarge over {@link InputLimits#maxPayloadBytes()}
     * @throws ImageTooLarge when the header declares more pixels than allowed (checked before decoding)
     * @throws RecognitionException.UnsupportedImage when the bytes are not PNG, JPEG, GIF or BMP
     * @throws RecognitionException.CorruptImage when they claim one of those formats but cannot be decoded
     */
    public InkImage decode(byte[] encoded) throws RecognitionException {
        return decoder.decode(encoded, image -> {
            InkExtractor extractor = new InkExtractor(image);
            return extractor.flatBackground() ? extractor.toInk() : new PhotoInk(image).page();
        });
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
        return digitInImage(encoded, WorkMeter.NONE);
    }

    /** {@link #digitInImage(byte[])}, telling {@code work} what a photo's or a page's search for its digit did. */
    public DigitRegion digitInImage(byte[] encoded, WorkMeter work) throws RecognitionException {
        return decoder.decode(encoded, image -> digitInImage(image, work));
    }

    /**
     * {@link #digitInImage(byte[])} of an image already decoded: the work after decoding (where the ink is, its box,
     * centring).
     *
     * @throws BlankImage when the image holds no ink
     */
    public DigitRegion digitInImage(DecodedImage image) throws BlankImage {
        return digitInImage(image, WorkMeter.NONE);
    }

    private DigitRegion digitInImage(DecodedImage image, WorkMeter work) throws BlankImage {
        Box whole = new Box(0, 0, image.width(), image.height());
        InkExtractor extractor = new InkExtractor(image);
        // A scanned page is read as a photo of paper even when its background is flat (a 1-bit scan): the canvas
        // rule's box would hold every mark on the page, the bed beyond it, its holes and its printed lines.
        boolean page = PhotoInk.scannedPage(image);
        if (!page && extractor.flatBackground()) {
            DigitImage digit = extractor.centredDigit(centering);
            if (digit == null) {
                throw new BlankImage();
            }
            return new DigitRegion(whole, digit);
        }
        PhotoInk photo = page ? PhotoInk.forPage(image) : new PhotoInk(image);
        InkImage digit = photo.digit();
        work.add(photo.work());
        if (digit == null) {
            throw new BlankImage();
        }
        return new DigitRegion(whole, centering.center(digit));
    }

    /**
     * Decodes an image and returns the bounding box of its ink by the canvas rule, shrunk by a whole factor when it
     * holds more than {@code maxPixels}: what a number is segmented from. Memory stays bounded by {@code maxPixels}
     * (plus the decoder's planes) however large the image.
     *
     * @throws BlankImage when the image holds no ink
     */
    public InkCrop inkCrop(byte[] encoded, int maxPixels) throws RecognitionException {
        return decoder.decode(encoded, image -> inkCrop(image, maxPixels));
    }

    /**
     * The ink box of an image already decoded (ink drawn on a surface), as {@link #inkCrop(byte[], int)} finds it in
     * encoded bytes.
     *
     * @throws BlankImage when the image holds no ink
     */
    public InkCrop inkCrop(DecodedImage image, int maxPixels) throws BlankImage {
        InkCrop crop = new InkExtractor(image).inkCrop(maxPixels);
        if (crop == null) {
            throw new BlankImage();
        }
        return crop;
    }

    /**
     * Like {@link #inkCrop(byte[], int)}, but a photo of paper is read as one ({@link PhotoInk#page()}: light
     * normalised, ink above the sensor's noise floor, specks and edge marks dropped, as {@link #decode} and digit mode
     * read it) rather than by the canvas rule, which stretches a photo's grain into hundreds of marks: what an
     * expression is taken apart from. A photo adds {@link PhotoInk}'s working planes (at most
     * {@link PhotoInk#MAX_WORKING_SIDE} pixels a side) to the memory.
     *
     * @throws BlankImage when the image holds no ink
     */
    public InkCrop pageCrop(byte[] encoded, int maxPixels) throws RecognitionException {
        return decoder.decode(encoded, image -> pageCrop(image, maxPixels));
    }

    /**
     * {@link #pageCrop(byte[], int)} of an image already decoded.
     *
     * @throws BlankImage when the image holds no ink
     */
    public InkCrop pageCrop(DecodedImage image, int maxPixels) throws BlankImage {
        InkExtractor extractor = new InkExtractor(image);
        InkCrop crop = extractor.flatBackground() ? extractor.inkCrop(maxPixels)
                : photoCrop(image, maxPixels, false, false, WorkMeter.NONE);
        if (crop == null) {
            throw new BlankImage();
        }
        return crop;
    }

    /**
     * Like {@link #pageCrop(byte[], int)}, but a photo keeps only the written line ({@link PhotoInk#line()}: the
     * largest stroke and the pieces beside it, not the specks and marks off the line that a number's segmentation
     * would read as digits): what a number is segmented from. A drawing on a flat background is cropped by the canvas
     * rule, as {@link #inkCrop(byte[], int)} crops it.
     *
     * @throws BlankImage when the image holds no ink
     */
    public InkCrop lineCrop(byte[] encoded, int maxPixels) throws RecognitionException {
        return lineCrop(encoded, maxPixels, WorkMeter.NONE);
    }

    /** {@link #lineCrop(byte[], int)}, telling {@code work} what a photo's search for its line did. */
    public InkCrop lineCrop(byte[] encoded, int maxPixels, WorkMeter work) throws RecognitionException {
        return lineCrop(encoded, maxPixels, false, work);
    }

    /**
     * Like {@link #lineCrop}, but a photo keeps an expression's line ({@link PhotoInk#expressionLine()}: also the
     * small and flat operators within the line's rows), found at up to {@link PhotoInk#MAX_EXPRESSION_SIDE} pixels a
     * side and with symbols far smaller in the frame than a digit's, a turned line is turned level
     * ({@link LineLevel}; the crop's boxes map back through its {@link InkCrop#turn()}), and a small line is enlarged
     * ({@link #SMALL_LINE}): what an expression is laid out from. A drawing on a flat background is cropped by the
     * canvas rule.
     *
     * @throws BlankImage when the image holds no ink
     */
    public InkCrop expressionCrop(byte[] encoded, int maxPixels) throws RecognitionException {
        return expressionCrop(encoded, maxPixels, WorkMeter.NONE);
    }

    /** {@link #expressionCrop(byte[], int)}, telling {@code work} what a photo's search for its line did. */
    public InkCrop expressionCrop(byte[] encoded, int maxPixels, WorkMeter work) throws RecognitionException {
        return lineCrop(encoded, maxPixels, true, work);
    }

    private InkCrop lineCrop(byte[] encoded, int maxPixels, boolean operators, WorkMeter work)
            throws RecognitionException {
        return decoder.decode(encoded, image -> {
            InkExtractor extractor = new InkExtractor(image);
            InkCrop crop = extractor.flatBackground() ? extractor.inkCrop(maxPixels)
                    : photoCrop(image, maxPixels, true, operators, work);
            if (crop == null) {
                throw new BlankImage();
            }
            return crop;
        });
    }

    /**
     * The kept ink of a photo of paper (its written line only when {@code line}, with its operators when
     * {@code operators}: an expression's, turned level when turned and enlarged when small), cropped to its box and shrunk to at most
     * {@code maxPixels}; null if none.
     */
    private static InkCrop photoCrop(DecodedImage image, int maxPixels, boolean line, boolean operators,
                                     WorkMeter work) {
        PhotoInk photo = operators ? PhotoInk.forExpression(image) : new PhotoInk(image);
        InkImage page = !line ? photo.page() : operators ? photo.expressionLine() : photo.line();
        work.add(photo.work());
        int w = page.width(), h = page.height();
        float[] ink = page.ink();
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                if (ink[i] > 0f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return null;
        }
        int bw = maxX - minX + 1, bh = maxY - minY + 1;
        int shrink = InkCrop.shrinkFactor(bw, bh, maxPixels);
        int ow = Math.ceilDiv(bw, shrink), oh = Math.ceilDiv(bh, shrink);
        float[] out = new float[ow * oh];
        float share = 1f / (shrink * shrink);
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                out[(y / shrink) * ow + x / shrink] += ink[(minY + y) * w + minX + x] * share;
            }
        }
        int factor = photo.factor();
        double angle = operators ? LineLevel.angle(out, ow, oh) : 0;
        if (angle != 0) {
            // A line turned level is as high as its symbols, no longer as its slope: only then is it known small.
            // Sizes are checked before resampling, so a turned box larger than the bound is never filled.
            LineLevel.TurnedBox box = LineLevel.box(out, ow, oh, angle);
            int up = shrink == 1 && box.height(1) < SMALL_LINE
                    && (long) box.width(1) * box.height(1) * ENLARGE * ENLARGE <= maxPixels ? ENLARGE : 1;
            if ((long) box.width(up) * box.height(up) <= maxPixels) {
                LineLevel.Levelled level = LineLevel.level(out, ow, oh, box, up);
                return new InkCrop(new InkImage(level.width(), level.height(), level.ink()), minX * factor,
                        minY * factor, factor * shrink, true, up, level.turn());
            }
        }
        if (operators && shrink == 1 && bh < SMALL_LINE && (long) ow * oh * ENLARGE * ENLARGE <= maxPixels) {
            return new InkCrop(new InkImage(ow * ENLARGE, oh * ENLARGE, enlarge(out, ow, oh)), minX * factor,
                    minY * factor, factor, true, ENLARGE);
        }
        return new InkCrop(new InkImage(ow, oh, out), minX * factor, minY * factor, factor * shrink, true);
    }

    /**
     * {@code in} ({@code w x h}) enlarged {@link #ENLARGE} times along each axis by bilinear interpolation of its
     * grey levels: a stroke's edge falls between the working pixels, not on them.
     */
    private static float[] enlarge(float[] in, int w, int h) {
        float[] out = new float[w * ENLARGE * h * ENLARGE];
        Bilinear.enlarge(in, w, h, ENLARGE, out, w * ENLARGE, h * ENLARGE);
        return out;
    }

    /** Heap reserved for decoded pixels by the requests decoding now (for tests and metrics). */
    public long decodedBytesInFlight() {
        return decoder.budget().inFlight();
    }

    /**
     * The media type of encoded image bytes by their signature ({@code image/png}, {@code image/jpeg},
     * {@code image/gif} or {@code image/bmp}), or empty when they are not a format this engine reads.
     */
    public static Optional<String> mediaType(byte[] encoded) {
        return ImageDecoder.mediaType(encoded);
    }

    /**
     * Accepts an already-normalised digit: exactly 784 finite values in [0, 1], row-major, 1 = ink (the MNIST
     * convention), already centred. Values on a 0..255 scale are refused rather than guessed at, because an array
     * whose largest value happens to be 1 would be ambiguous; the message says to divide by 255. An array without
     * ink ({@link BlankInk}: all 0, or uniform) is a {@link BlankImage}, as a blank picture is.
     */
    public static DigitImage fromPixels(float[] values) throws InvalidPixels, BlankImage {
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
        BlankInk.check(values);
        return new DigitImage(values.clone());
    }
}
