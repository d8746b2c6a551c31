package io.mathsketch.engine.codec;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.PayloadTooLarge;
import io.mathsketch.engine.RecognitionException.UnsupportedImage;
import io.mathsketch.engine.codec.png.PngDecoder;
import io.mathsketch.engine.image.DecodedImage;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The one entry into the codecs: encoded PNG, JPEG, GIF or BMP bytes, recognised by their signature, into a
 * {@link DecodedImage} as the viewer sees it: an EXIF orientation (JPEG APP1, PNG {@code eXIf}) is applied, so a
 * photo taken with the phone sideways arrives upright. Limits are enforced before any pixel is decoded. An image
 * larger than {@link Reduction#WORKING_PIXELS} (a phone photo) is reduced while it is decoded ({@link Reduction}), so
 * the heap it holds is bounded by the reduced size; the EXIF orientation is applied to the reduced picture.
 *
 * <p>Non-interlaced PNG, the format of canvas exports, takes a pure-Java fast path; everything else goes through
 * ImageIO. Thread-safe: PNG decoders (an inflater and row buffers each) are borrowed from a small pool owned by this
 * instance, which also works for virtual threads where a {@code ThreadLocal} would never be reused. The pool never
 * blocks: a request that finds it empty makes a decoder (and its planes) of its own, which is garbage afterwards when
 * the pool is full, so the pool holds one decoder per thread that can decode at once ({@link #concurrentDecodes}).
 */
public final class ImageDecoder {

    /** The JDK's setting of the virtual-thread scheduler's carrier threads. */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    private final InputLimits limits;
    private final DecodeBudget budget;
    private final ImageIoDecoder imageIo;
    private final ArrayBlockingQueue<PngDecoder> pngDecoders;

    public ImageDecoder(InputLimits limits) {
        this(limits, concurrentDecodes(System.getProperty(CARRIERS), Runtime.getRuntime().availableProcessors()));
    }

    /** A decoder whose pool keeps up to {@code pooled} PNG decoders. */
    ImageDecoder(InputLimits limits, int pooled) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = new DecodeBudget(limits);
        this.imageIo = new ImageIoDecoder(limits);
        this.pngDecoders = new ArrayBlockingQueue<>(pooled);
    }

    /**
     * How many decodes can run at once. A decode never blocks, so a virtual thread runs it to the end on its carrier:
     * no more run at once than the virtual-thread scheduler has carriers, which is {@value #CARRIERS} where it is set
     * (the server's {@code jvm.options} sets 16 on any machine) and the number of cores otherwise; twice the cores at
     * least, for platform threads. Sized from the cores alone, the pool held 4 decoders on 2 cores while 16 carriers
     * decoded, and every request beyond 4 made a decoder and its planes anew.
     */
    static int concurrentDecodes(String carriers, int cores) {
        int configured = cores;
        if (carriers != null) {
            try {
                configured = Integer.parseInt(carriers.trim());
            } catch (NumberFormatException e) {
                // The JDK refuses to start its scheduler with such a value; cores is what it would fall back to.
            }
        }
        return Math.max(2 * cores, Math.max(2, configured));
    }

    /** Decoders waiting in the pool for the next request. */
    int pooledDecoders() {
        return pngDecoders.size();
    }

    /** What is read off a decoded image; it must not keep the image, whose planes a pooled decoder reuses. */
    public interface Reader<T> {
        T read(DecodedImage image) throws RecognitionException;
    }

    /**
     * Decodes an image, turns it upright by its EXIF orientation, and hands it to {@code reader} while its planes are
     * valid. The heap for its pixels is reserved from the {@link DecodeBudget} before decoding and held until
     * {@code reader} returns, so everything the reader derives from the pixels (upright copy, ink field, crop) is
     * covered too.
     *
     * @throws PayloadTooLarge over {@link InputLimits#maxPayloadBytes()}
     * @throws ImageTooLarge when the header declares more pixels than allowed (checked before decoding)
     * @throws RecognitionException.Overloaded when the pixels of the requests decoding now leave too little heap
     * @throws RecognitionException.UnsupportedImage when the bytes are not PNG, JPEG, GIF or BMP, or a JPEG holds more
     *         than {@code JpegMetadata.MAX_SCANS} scans (fewer when large: {@code
     *         JpegMetadata.MAX_PASSES_OVER_LARGEST_IMAGE}) or {@code JpegMetadata.MAX_APPLICATION_SEGMENTS} APPn
     *         segments, or a GIF's first frame more decoding work than
     *         {@code GifFrameWork} allows its pixels
     * @throws CorruptImage when they claim one of those formats but cannot be decoded
     */
    public <T> T decode(byte[] encoded, Reader<T> reader) throws RecognitionException {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length > limits.maxPayloadBytes()) {
            throw new PayloadTooLarge(encoded.length, limits.maxPayloadBytes());
        }
        ImageFormat format = ImageFormat.sniff(encoded);
        if (format == ImageFormat.JPEG) {
            checkJpegSegments(encoded);
        } else if (format == ImageFormat.GIF) {
            checkGifWork(encoded);
        }
        Orientation orientation = ExifOrientation.of(encoded, format);
        DecodeBudget.Reservation[] reservation = new DecodeBudget.Reservation[1];
        try {
            if (format == ImageFormat.PNG) {
                PngDecoder.Header header = PngDecoder.header(encoded);
                checkDimensions(header.width(), header.height(), limits);
                reservation[0] = budget.reserve(header.width(), header.height());
                if (!header.interlaced()) {
                    return withPngDecoder(encoded, Reduction.of(header.width(), header.height()).factor(),
                            orientation, reader);
                }
                return reader.read(orientation.upright(imageIo.decode(encoded, format, (width, height) -> { })));
            }
            return reader.read(orientation.upright(imageIo.decode(encoded, format,
                    (width, height) -> reservation[0] = budget.reserve(width, height))));
        } finally {
            if (reservation[0] != null) {
                reservation[0].close();
            }
        }
    }

    /** The heap budget for decoded pixels this decoder reserves from. */
    public DecodeBudget budget() {
        return budget;
    }

    /**
     * The EXIF orientation recorded in encoded image bytes ({@link Orientation#NORMAL} when there is none, it is
     * malformed, or the format has no such metadata), for callers that keep or re-encode the picture themselves, for
     * example to store it upright and without metadata. Reads metadata only; decodes no pixel.
     */
    public static Orientation orientation(byte[] encoded) {
        return ImageFormat.of(encoded).map(format -> ExifOrientation.of(encoded, format)).orElse(Orientation.NORMAL);
    }

    /**
     * The media type of encoded image bytes by their signature ({@code image/png}, {@code image/jpeg},
     * {@code image/gif} or {@code image/bmp}), or empty when they are not a format this engine reads.
     */
    public static Optional<String> mediaType(byte[] encoded) {
        return ImageFormat.of(encoded).map(ImageFormat::mediaType);
    }

    /**
     * Width and height as an image's header declares them, and the passes its decoder makes over every pixel: a JPEG's
     * scans (the JDK's reader makes a whole output pass after each scan of a progressive or non-interleaved JPEG: a
     * 10-scan progressive 1024x1024 JPEG took 94 ms of CPU to read here, its baseline twin 12 ms), 1 for the rest.
     */
    public record Size(int width, int height, int passes) {

        public Size(int width, int height) {
            this(width, height, 1);
        }

        public long pixels() {
            return (long) width * height;
        }

        /** The pixels the decoder walks: {@link #pixels()} once per pass, what decoding costs in CPU. */
        public long decodedPixels() {
            return pixels() * Math.max(1, passes);
        }
    }

    /**
     * The dimensions encoded image bytes declare, read from their header without decoding a pixel (for callers that
     * price or admit work by image size before decoding); empty when the bytes are not a format this engine reads or
     * their header cannot be read, which decoding then reports. A BMP's dimensions are read only from its info
     * header, as the JDK's reader checks them against the data first.
     */
    public static Optional<Size> declaredSize(byte[] encoded) {
        Optional<ImageFormat> format = ImageFormat.of(encoded);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        return switch (format.get()) {
            case PNG -> {
                try {
                    PngDecoder.Header header = PngDecoder.header(encoded);
                    yield Optional.of(new Size(header.width(), header.height()));
                } catch (CorruptImage e) {
                    yield Optional.empty();
                }
            }
            case BMP -> ImageIoDecoder.bmpSize(encoded);
            // Not read by the JDK's reader, whose header costs their square (decoding refuses them).
            case JPEG -> JpegMetadata.applicationSegments(encoded) > JpegMetadata.MAX_APPLICATION_SEGMENTS
                    ? Optional.empty() : ImageIoDecoder.declaredSize(encoded, format.get())
                            .map(size -> new Size(size.width(), size.height(), JpegMetadata.scans(encoded)));
            // Nor one whose blocks before its first frame the JDK's reader would walk at length (decoding refuses it).
            case GIF -> GifFrameWork.first(encoded).filter(GifFrameWork.Frame::tooCostly).isPresent()
                    ? Optional.empty() : ImageIoDecoder.declaredSize(encoded, format.get());
        };
    }

    private void checkJpegSegments(byte[] jpeg) throws UnsupportedImage {
        int segments = JpegMetadata.applicationSegments(jpeg);
        if (segments > JpegMetadata.MAX_APPLICATION_SEGMENTS) {
            throw new UnsupportedImage("a JPEG of " + segments + " APPn segments; at most "
                    + JpegMetadata.MAX_APPLICATION_SEGMENTS + " are read");
        }
        int scans = JpegMetadata.scans(jpeg);
        if (scans > JpegMetadata.MAX_SCANS) {
            throw new UnsupportedImage("a JPEG of " + scans + " scans; at most " + JpegMetadata.MAX_SCANS
                    + " are decoded");
        }
        long pixels = JpegMetadata.framePixels(jpeg);
        long passes = JpegMetadata.MAX_PASSES_OVER_LARGEST_IMAGE * limits.maxImagePixels();
        if (scans > 1 && scans * pixels > passes) {
            throw new UnsupportedImage("a progressive JPEG of " + scans + " scans over " + pixels
                    + " pixels; at most " + passes / pixels + " scans are decoded at that size (each is a pass over"
                    + " every pixel)");
        }
    }

    private static void checkGifWork(byte[] gif) throws UnsupportedImage {
        Optional<GifFrameWork.Frame> frame = GifFrameWork.first(gif);
        if (frame.isPresent() && frame.get().tooCostly()) {
            GifFrameWork.Frame f = frame.get();
            throw new UnsupportedImage("a GIF whose first frame's compressed codes and blocks cost more than "
                    + f.allowed() + " pixels' worth of work for its " + f.width() + "x" + f.height() + " pixels ("
                    + GifFrameWork.WORK_PER_PIXEL + " per pixel); send it as PNG");
        }
    }

    static void checkDimensions(int width, int height, InputLimits limits) throws ImageTooLarge {
        if (width > limits.maxWidth() || height > limits.maxHeight()
                || (long) width * height > InputLimits.MAX_PIXELS_OF_ANY_IMAGE) {
            throw new ImageTooLarge(width, height, limits.maxWidth(), limits.maxHeight());
        }
    }

    private <T> T withPngDecoder(byte[] encoded, int factor, Orientation orientation, Reader<T> reader)
            throws RecognitionException {
        PngDecoder decoder = pngDecoders.poll();
        if (decoder == null) {
            decoder = new PngDecoder();
        }
        try {
            DecodedImage image;
            try {
                image = decoder.decode(encoded, factor);
            } catch (RuntimeException e) {
                // Every malformed input is meant to be caught above; this keeps an unforeseen one a typed error.
                throw new CorruptImage("PNG image cannot be decoded: " + e, e);
            }
            // Turning copies onto fresh planes; an upright PNG (every canvas) is read in place.
            return reader.read(orientation.upright(image));
        } finally {
            // Only now: the image's planes belong to the decoder.
            pngDecoders.offer(decoder);
        }
    }
}
