package io.mathsketch.engine.testing;

/**
 * The attack of issue 12: huge, tiny PNGs of countless specks, which once made number mode run out of memory. One
 * bit per pixel and a regular grid, so that a 4096x4096 image of a million specks compresses to a few kilobytes.
 */
public final class SpeckImages {

    private SpeckImages() {
    }

    /**
     * A white {@code side x side} image with a black square speck of {@code size} pixels every {@code spacing}
     * pixels along both axes.
     */
    public static byte[] grid(int side, int spacing, int size) {
        int rowBytes = (side + 7) / 8;
        byte[] raw = new byte[side * (rowBytes + 1)];
        for (int y = 0; y < side; y++) {
            int row = y * (rowBytes + 1);
            raw[row] = 0; // filter: none
            boolean specks = y % spacing < size;
            for (int x = 0; x < side; x++) {
                boolean white = !(specks && x % spacing < size);
                if (white) {
                    raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return PngBytes.withImageData(side, side, PngBytes.GREY, 1, PngBytes.deflate(raw));
    }
}
