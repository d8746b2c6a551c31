package io.mathsketch.engine.codec;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.UnsupportedImage;
import io.mathsketch.engine.image.DecodedImage;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * JPEG, GIF, BMP and interlaced PNG through the JDK's ImageIO readers. The header is read first so that declared
 * dimensions are checked before any pixel is decoded; an image larger than {@link Reduction#WORKING_PIXELS} is read
 * with the reader's source subsampling (one pixel per block); pixels are then taken from the image's own raster in
 * its native layout (no conversion to ARGB). A reader warning (for example a JPEG that ends early and would be
 * padded with grey) is treated as corruption rather than silently recognised.
 */
final class ImageIoDecoder {

    /** Where a BMP info header of 40 bytes or more holds its compression, and the two that embed another format. */
    private static final int BMP_COMPRESSION = 30, BI_JPEG = 4, BI_PNG = 5;

    private final InputLimits limits;

    ImageIoDecoder(InputLimits limits) {
        this.limits = limits;
    }

    /** Called with the declared dimensions once they are read and before any pixel is decoded. */
    interface Admission {
        void admit(int width, int height) throws RecognitionException;
    }

    DecodedImage decode(byte[] data, ImageFormat format, Admission admission) throws RecognitionException {
        if (format == ImageFormat.BMP) {
            checkBmpHeader(data);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new UnsupportedImage("no " + format + " reader is available in this runtime");
        }
        ImageReader reader = readers.next();
        // A memory cache, not ImageIO.createImageInputStream, so nothing is ever spooled to a temporary file.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            ImageDecoder.checkDimensions(width, height, limits);
            admission.admit(width, height);
            String[] warning = new String[1];
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, message) -> warning[0] = message);
            ImageReadParam param = null; // as it is
            Reduction reduction = Reduction.of(width, height);
            if (reduction.reduces()) {
                param = reader.getDefaultReadParam();
                // The readers skip the other rows and columns as they decode (the JPEG reader still decodes every
                // row, but copies only one in `factor`), so only the reduced raster is ever allocated: a 12-megapixel
                // JPEG allocated 19 MB instead of 73 MB, in about half the time. Averaging through ImageIO (a
                // destination whose buffer sums each block) took 4x the time of a full decode and allocated 147 MB:
                // the reader hands such a buffer each row as a fresh int array.
                param.setSourceSubsampling(reduction.factor(), reduction.factor(), 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (warning[0] != null) {
                throw new CorruptImage(format + " image is damaged: " + warning[0]);
            }
            return convert(image);
        } catch (RecognitionException e) {
            throw e;
        } catch (IIOException e) {
            throw new CorruptImage(format + " image cannot be decoded: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Readers fail on garbage with all kinds of unchecked exceptions; none may escape as a server error.
            throw new CorruptImage(format + " image cannot be decoded: " + e, e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The JDK's BMP reader validates the image size against the data before it reports the dimensions, so a huge
     * declared size would surface as a corrupt file; reading the info header here reports it for what it is.
     * A BMP wrapping a JPEG or PNG (compression 4 or 5, meant for printer drivers) is refused: the JDK's reader
     * allocates the header's image size at once (a 2 GB array for a 100-byte file, an OutOfMemoryError) and decodes
     * the embedded image past every check made here (its own dimensions, a JPEG's scans).
     */
    private void checkBmpHeader(byte[] data) throws ImageTooLarge, UnsupportedImage {
        if (data.length >= BMP_COMPRESSION + 4 && littleEndianInt(data, 14) >= 40) {
            int compression = littleEndianInt(data, BMP_COMPRESSION);
            if (compression == BI_JPEG || compression == BI_PNG) {
                throw new UnsupportedImage("a BMP wrapping a " + (compression == BI_JPEG ? "JPEG" : "PNG")
                        + " (compression " + compression + "); send the JPEG or PNG itself");
            }
        }
        Optional<ImageDecoder.Size> size = bmpSize(data);
        if (size.isPresent()) {
            ImageDecoder.checkDimensions(size.get().width(), size.get().height(), limits);
        }
    }

    /** The dimensions a BMP's info header declares (a negative height, a top-down bitmap, counts as its size). */
    static Optional<ImageDecoder.Size> bmpSize(byte[] data) {
        if (data.length < 26) {
            return Optional.empty();
        }
        int headerSize = littleEndianInt(data, 14);
        if (headerSize == 12) {
            return Optional.of(new ImageDecoder.Size(littleEndianShort(data, 18), littleEndianShort(data, 20)));
        } else if (headerSize >= 40) {
            int height = littleEndianInt(data, 22);
            return Optional.of(new ImageDecoder.Size(littleEndianInt(data, 18), height == Integer.MIN_VALUE
                    ? Integer.MAX_VALUE : Math.abs(height)));
        }
        return Optional.empty();
    }

    /**
     * The dimensions the header declares, read without decoding a pixel; empty when the reader cannot tell (the
     * decode then reports why).
     */
    static Optional<ImageDecoder.Size> declaredSize(byte[] data, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            return Optional.of(new ImageDecoder.Size(reader.getWidth(0), reader.getHeight(0)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }

    private static int littleEndianShort(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    private static int littleEndianInt(byte[] data, int offset) {
        return littleEndianShort(data, offset) | littleEndianShort(data, offset + 2) << 16;
    }

    private static DecodedImage convert(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        DecodedImage out = new DecodedImage(width, height, model.hasAlpha());
        if (model instanceof IndexColorModel indexed) {
            convertIndexed(indexed, raster, out);
        } else if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                || model.getColorSpace().getType() == ColorSpace.TYPE_RGB) {
            convertComponents(model, raster, out);
        } else {
            convertAnyColourSpace(image, out);
        }
        return out;
    }

    private static void convertIndexed(IndexColorModel model, Raster raster, DecodedImage out) {
        int size = model.getMapSize();
        int[] lum = new int[size];
        int[] alpha = new int[size];
        for (int i = 0; i < size; i++) {
            alpha[i] = model.getAlpha(i);
            lum[i] = DecodedImage.overWhite(DecodedImage.luminance(model.getRed(i), model.getGreen(i),
                    model.getBlue(i)), alpha[i]);
        }
        int width = out.width();
        int[] samples = new int[width];
        for (int y = 0; y < out.height(); y++) {
            raster.getSamples(0, y, width, 1, 0, samples);
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int index = Math.min(size - 1, samples[x]);
                int l = lum[index];
                out.lum()[y * width + x] = (byte) l;
                if (out.hasAlpha()) {
                    out.alpha()[y * width + x] = (byte) alpha[index];
                    maxAlpha = Math.max(maxAlpha, alpha[index]);
                }
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
            out.rowDone(y, min, max, maxAlpha);
        }
    }

    /** Grey or RGB samples, with or without alpha, of any sample size, read band by band from the raster. */
    private static void convertComponents(ColorModel model, Raster raster, DecodedImage out) {
        int bands = raster.getNumBands();
        int colours = model.getNumColorComponents();
        int[] shift = new int[bands];
        for (int b = 0; b < bands; b++) {
            shift[b] = Math.max(0, model.getComponentSize(b) - 8);
        }
        int[] scale = new int[bands];
        for (int b = 0; b < bands; b++) {
            int bits = Math.min(8, model.getComponentSize(b));
            scale[b] = bits >= 8 ? 1 : 255 / ((1 << bits) - 1);
        }
        int width = out.width();
        int[] pixels = new int[width * bands];
        for (int y = 0; y < out.height(); y++) {
            raster.getPixels(0, y, width, 1, pixels);
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int p = x * bands;
                int l = colours == 1 ? sample(pixels, p, shift, scale)
                        : DecodedImage.luminance(sample(pixels, p, shift, scale), sample(pixels, p + 1, shift, scale),
                                sample(pixels, p + 2, shift, scale));
                if (out.hasAlpha()) {
                    int a = sample(pixels, p + colours, shift, scale);
                    l = DecodedImage.overWhite(l, a);
                    out.alpha()[y * width + x] = (byte) a;
                    maxAlpha = Math.max(maxAlpha, a);
                }
                out.lum()[y * width + x] = (byte) l;
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
            out.rowDone(y, min, max, maxAlpha);
        }
    }

    private static int sample(int[] pixels, int index, int[] shift, int[] scale) {
        int band = index % shift.length;
        return Math.min(255, (pixels[index] >>> shift[band]) * scale[band]);
    }

    /** Rare colour spaces (CMYK, YCCK...): let the colour model convert each pixel. Slow, but correct. */
    private static void convertAnyColourSpace(BufferedImage image, DecodedImage out) {
        int width = out.width();
        int[] argb = new int[width];
        for (int y = 0; y < out.height(); y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int c = argb[x];
                int a = c >>> 24;
                int l = DecodedImage.overWhite(DecodedImage.luminance(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF), a);
                out.lum()[y * width + x] = (byte) l;
                if (out.hasAlpha()) {
                    out.alpha()[y * width + x] = (byte) a;
                    maxAlpha = Math.max(maxAlpha, a);
                }
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
            out.rowDone(y, min, max, maxAlpha);
        }
    }
}
