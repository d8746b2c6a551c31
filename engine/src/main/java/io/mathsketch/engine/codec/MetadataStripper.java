package io.mathsketch.engine.codec;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Removes what an image file says besides its pixels before it is kept: camera and GPS data (EXIF), XMP, IPTC,
 * comments and text chunks, embedded thumbnails, editing software, timestamps, a BMP's linked colour profile (a path
 * on the sender's machine), and bytes outside the image's structure. What rendering needs stays: the pixels, palette,
 * transparency and colour information (gamma, chromaticities, sRGB intent, ICC profile, Adobe colour transform; a BMP
 * is kept as sRGB). The compressed pixels are copied byte for byte, so nothing is lost in quality.
 *
 * <p>The one exception is a picture whose EXIF orientation says it is stored turned or mirrored (a phone held
 * sideways): without the EXIF tag it would be shown sideways, so it is decoded, turned upright
 * ({@link Orientation#upright(BufferedImage)}) and written again in its own format, which ImageIO does without any of
 * the source's metadata (a JPEG is re-compressed then, at ImageIO's default quality), up to
 * {@link #MAX_UPRIGHT_PIXELS}; a larger turned picture is not kept.
 */
public final class MetadataStripper {

    /**
     * The most pixels a turned picture may declare to be copied upright ({@link Reduction#WORKING_PIXELS}, 2048x2048,
     * beyond which the engine never holds a picture whole): the copy decodes it whole and encodes it again, and a
     * 4096x4096 16-bit PNG of 168 KB took 269 MB and 2 s of CPU (a progressive JPEG of that size allocated 1.3 GB),
     * for a copy that at a phone photo's size is megabytes, over {@code store.max-original-bytes}' 256 KB default.
     */
    public static final long MAX_UPRIGHT_PIXELS = Reduction.WORKING_PIXELS;

    private MetadataStripper() {
    }

    /**
     * The image without its metadata, or empty when its structure cannot be walked safely (then nothing should be
     * kept: keeping it unstripped could leak what this class exists to remove).
     */
    public static Optional<byte[]> strip(byte[] image) {
        return ImageFormat.of(image).flatMap(format -> {
            Orientation orientation = ExifOrientation.of(image, format);
            if (orientation != Orientation.NORMAL) {
                return uprightCopy(image, format, orientation);
            }
            return switch (format) {
                case PNG -> PngMetadata.strip(image);
                case JPEG -> JpegMetadata.strip(image);
                case GIF -> GifMetadata.strip(image);
                case BMP -> BmpMetadata.strip(image);
            };
        });
    }

    private static Optional<byte[]> uprightCopy(byte[] image, ImageFormat format, Orientation orientation) {
        Optional<ImageDecoder.Size> size = ImageDecoder.declaredSize(image);
        if (size.isEmpty() || size.get().pixels() > MAX_UPRIGHT_PIXELS) {
            return Optional.empty();
        }
        try {
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(image));
            if (stored == null) {
                return Optional.empty();
            }
            BufferedImage upright = orientation.upright(stored);
            if (format == ImageFormat.JPEG && upright.getColorModel().hasAlpha()) {
                // ImageIO's JPEG writer refuses alpha; a JPEG never had any, only a custom decoded type gains it.
                BufferedImage rgb = new BufferedImage(upright.getWidth(), upright.getHeight(),
                        BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                try {
                    g.drawImage(upright, 0, 0, null);
                } finally {
                    g.dispose();
                }
                upright = rgb;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.length);
            return ImageIO.write(upright, format.imageIoName, out) ? Optional.of(out.toByteArray()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
