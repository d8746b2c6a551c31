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
     * pixels along both axes, inside a white margin of {@code spacing} pixels: a drawing's flat border, so that
     * the canvas rule (and number segmentation's limits) reads the specks, not the photo path.
     */
    public static byte[] grid(int side, int spacing, int size) {
        return grid(side, spacing, size, spacing);
    }

    /**
     * {@link #grid(int, int, int)} with specks from the very edge ({@code margin} 0): a border that is not flat,
     * read as a photo of paper.
     */
    public static byte[] unframed(int side, int spacing, int size) {
        return grid(side, spacing, size, 0);
    }

    private static byte[] grid(int side, int spacing, int size, int margin) {
        int rowBytes = (side + 7) / 8;
        byte[] raw = new byte[side * (rowBytes + 1)];
        for (int y = 0; y < side; y++) {
            int row = y * (rowBytes + 1);
            raw[row] = 0; // filter: none
            boolean specks = y % spacing < size && y >= margin && y < side - margin;
            for (int x = 0; x < side; x++) {
                boolean white = !(specks && x % spacing < size && x >= margin && x < side - margin);
                if (white) {
                    raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return PngBytes.withImageData(side, side, PngBytes.GREY, 1, PngBytes.deflate(raw));
    }
}
