package io.mathsketch.engine.testing;

/** Mean absolute difference of two equally long pixel arrays: how far apart two renderings are, pixel by pixel. */
public final class PixelDifference {

    private PixelDifference() {
    }

    public static double meanAbsolute(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " pixels against " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }
}
