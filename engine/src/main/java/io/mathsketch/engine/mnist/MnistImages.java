package io.mathsketch.engine.mnist;

import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * Greyscale images as stored in an IDX file: {@code count} images of {@code rows x cols} unsigned bytes, row-major,
 * 0 = background and 255 = full ink (MNIST's light-on-dark polarity).
 */
public record MnistImages(int count, int rows, int cols, byte[] pixels) {

    public MnistImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("invalid image dimensions: " + count + " x " + rows + " x " + cols);
        }
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes do not hold " + count + " images of "
                    + rows + "x" + cols);
        }
    }

    /** Pixels of one image, {@code rows * cols} values. */
    public int imageSize() {
        return rows * cols;
    }

    /** Image {@code i} as ink intensity (pixel / 255). */
    public InkImage ink(int i) {
        return new InkImage(cols, rows, floats(i));
    }

    /**
     * Image {@code i} as a {@link DigitImage} (pixel / 255). MNIST digits are already fitted and centred, so no
     * centering is applied.
     *
     * @throws IllegalStateException when the images are not 28x28
     */
    public DigitImage digit(int i) {
        if (rows != DigitImage.SIDE || cols != DigitImage.SIDE) {
            throw new IllegalStateException("images are " + rows + "x" + cols + ", a digit image is 28x28");
        }
        return new DigitImage(floats(i));
    }

    /** The first {@code n} images. */
    public MnistImages first(int n) {
        Objects.checkIndex(n, count + 1);
        return new MnistImages(n, rows, cols, Arrays.copyOf(pixels, n * imageSize()));
    }

    private float[] floats(int i) {
        Objects.checkIndex(i, count);
        int size = imageSize();
        float[] out = new float[size];
        int offset = i * size;
        for (int p = 0; p < size; p++) {
            out[p] = (pixels[offset + p] & 0xFF) / 255f;
        }
        return out;
    }
}
