package io.mathsketch.engine.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DecodedImageTest {

    /** 3x2 on planes longer than the image, as a pooled decoder's are. */
    private static DecodedImage pooled(boolean withAlpha) {
        byte[] lum = {10, 20, 30, 40, 50, 60, 99, 99};
        byte[] alpha = withAlpha ? new byte[] {1, 2, 3, 4, 5, 6, 99, 99} : null;
        DecodedImage image = new DecodedImage(3, 2, lum, alpha);
        image.rowDone(0, 10, 30, withAlpha ? 3 : 0);
        image.rowDone(1, 40, 60, withAlpha ? 6 : 0);
        return image;
    }

    @Test
    void aCopyKeepsPixelsAndRowExtremesOnPlanesOfItsOwn() {
        DecodedImage original = pooled(true);
        DecodedImage copy = original.copy();
        original.lum()[0] = 0;
        original.alpha()[0] = 0; // the decoder moving on to its next image

        assertEquals(3, copy.width());
        assertEquals(2, copy.height());
        assertArrayEquals(new byte[] {10, 20, 30, 40, 50, 60}, copy.lum());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, copy.alpha());
        assertArrayEquals(new int[] {10, 40}, copy.rowMinLum());
        assertArrayEquals(new int[] {30, 60}, copy.rowMaxLum());
        assertArrayEquals(new int[] {3, 6}, copy.rowMaxAlpha());
        assertEquals(10, copy.minLum());
        assertEquals(60, copy.maxLum());
        assertEquals(6, copy.maxAlpha());
    }

    @Test
    void aCopyOfAnOpaqueImageHasNoAlpha() {
        DecodedImage copy = pooled(false).copy();
        assertNull(copy.alpha());
        assertEquals(0, copy.maxAlpha());
        assertArrayEquals(new byte[] {10, 20, 30, 40, 50, 60}, copy.lum());
    }
}
