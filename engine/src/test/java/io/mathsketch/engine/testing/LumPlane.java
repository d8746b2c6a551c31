package io.mathsketch.engine.testing;

import io.mathsketch.engine.image.DecodedImage;

/**
 * Test helper: a decoded image's luminance as unsigned values (0 black .. 255 white), row-major, copied out of its
 * plane, so that it can be compared with expected pixels and kept after a pooled decoder's reader returns.
 */
public final class LumPlane {

    private LumPlane() {
    }

    public static int[] of(DecodedImage image) {
        int[] out = new int[image.width() * image.height()];
        byte[] lum = image.lum();
        for (int i = 0; i < out.length; i++) {
            out[i] = lum[i] & 0xFF;
        }
        return out;
    }
}
