package io.mathsketch.engine.codec;

import io.mathsketch.engine.image.DecodedImage;

import java.awt.image.BufferedImage;

/**
 * How a camera stored a picture relative to how it is meant to be seen: the eight values of the EXIF (TIFF) tag
 * 0x0112. A phone held sideways writes its sensor rows as they came and records {@link #ROTATE_90_CW} instead of
 * turning the pixels; a reader that ignores the tag reads the digit lying on its side. {@link #upright} turns stored
 * pixels into what the viewer sees.
 *
 * <p>Each value is expressed as a walk over the stored pixels: the upright image's pixel (x, y) is the stored pixel at
 * index {@code start + x * stepX + y * stepY}, so one loop serves all eight and no pixel is ever an object.
 */
public enum Orientation {
    /** 1: stored as seen. */
    NORMAL(1),
    /** 2: stored mirrored left to right. */
    MIRROR_HORIZONTAL(2),
    /** 3: stored upside down. */
    ROTATE_180(3),
    /** 4: stored mirrored top to bottom. */
    MIRROR_VERTICAL(4),
    /** 5: stored mirrored across the main diagonal (rows are the viewer's columns). */
    TRANSPOSE(5),
    /** 6: to be turned 90° clockwise for viewing (what a phone held upright in portrait usually writes). */
    ROTATE_90_CW(6),
    /** 7: stored mirrored across the anti-diagonal. */
    TRANSVERSE(7),
    /** 8: to be turned 90° counter-clockwise (270° clockwise) for viewing. */
    ROTATE_270_CW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    /** The value of the EXIF tag, 1..8. */
    public int exifValue() {
        return exifValue;
    }

    /** The orientation of an EXIF tag value; anything outside 1..8 is treated as {@link #NORMAL}, as viewers do. */
    public static Orientation ofExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** Whether the upright image has the stored height as its width (values 5 to 8). */
    public boolean swapsAxes() {
        return exifValue >= 5;
    }

    /**
     * The stored image turned upright, on fresh planes (so it never aliases a pooled decoder's buffers); the image
     * itself when nothing needs to move. Per-row extremes are recomputed for the new rows.
     */
    public DecodedImage upright(DecodedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.width(), h = stored.height();
        int ow = swapsAxes() ? h : w, oh = swapsAxes() ? w : h;
        Walk walk = walk(w, h);
        DecodedImage out = new DecodedImage(ow, oh, stored.hasAlpha());
        byte[] lum = stored.lum(), alpha = stored.alpha();
        byte[] outLum = out.lum(), outAlpha = out.alpha();
        for (int y = 0; y < oh; y++) {
            int src = walk.start + y * walk.stepY;
            int dst = y * ow;
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < ow; x++, src += walk.stepX, dst++) {
                int l = lum[src] & 0xFF;
                outLum[dst] = (byte) l;
                min = Math.min(min, l);
                max = Math.max(max, l);
                if (alpha != null) {
                    int a = alpha[src] & 0xFF;
                    outAlpha[dst] = (byte) a;
                    maxAlpha = Math.max(maxAlpha, a);
                }
            }
            out.rowDone(y, min, max, maxAlpha);
        }
        return out;
    }

    /**
     * The stored picture turned upright, for callers that keep or re-encode colour images (a new image of the same
     * type, or ARGB for custom types); the image itself for {@link #NORMAL}. Writing the result with ImageIO carries
     * none of the source's metadata.
     */
    public BufferedImage upright(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.getWidth(), h = stored.getHeight();
        int ow = swapsAxes() ? h : w, oh = swapsAxes() ? w : h;
        int type = stored.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_ARGB : stored.getType();
        BufferedImage out = new BufferedImage(ow, oh, type);
        Walk walk = walk(w, h);
        int[] source = stored.getRGB(0, 0, w, h, null, 0, w);
        int[] row = new int[ow];
        for (int y = 0; y < oh; y++) {
            int src = walk.start + y * walk.stepY;
            for (int x = 0; x < ow; x++, src += walk.stepX) {
                row[x] = source[src];
            }
            out.setRGB(0, y, ow, 1, row, 0, ow);
        }
        return out;
    }

    /** Where the upright image's pixel (0, 0) is stored and how far a step right and a step down move in storage. */
    private record Walk(int start, int stepX, int stepY) {
    }

    private Walk walk(int w, int h) {
        int last = (h - 1) * w; // first pixel of the last stored row
        return switch (this) {
            case NORMAL -> new Walk(0, 1, w);
            case MIRROR_HORIZONTAL -> new Walk(w - 1, -1, w);
            case ROTATE_180 -> new Walk(last + w - 1, -1, -w);
            case MIRROR_VERTICAL -> new Walk(last, 1, -w);
            case TRANSPOSE -> new Walk(0, w, 1);
            case ROTATE_90_CW -> new Walk(last, -w, 1);
            case TRANSVERSE -> new Walk(last + w - 1, -w, -1);
            case ROTATE_270_CW -> new Walk(w - 1, w, -1);
        };
    }
}
