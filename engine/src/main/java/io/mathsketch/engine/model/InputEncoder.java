package io.mathsketch.engine.model;

import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.image.DigitImage;

/**
 * Turns a batch of digits into the flat float buffer a model expects, as its manifest describes: polarity, then
 * {@code (v - mean) / std}. Plain Java so it is tested without an engine. For a single channel the NCHW, NHWC and
 * FLAT layouts share one memory order; they differ only in the tensor shape ({@link #shape(int)}).
 */
public final class InputEncoder {

    private final boolean invert;
    private final float mean;
    private final float scale;
    private final ModelManifest.Input input;

    public InputEncoder(ModelManifest manifest) {
        this.invert = manifest.inkPolarity() == InkPolarity.DARK_ON_LIGHT;
        this.mean = manifest.normalization().mean();
        this.scale = 1f / manifest.normalization().std();
        this.input = manifest.input();
    }

    /** Row-major values of the whole batch, image after image. */
    public float[] encode(DigitBatch batch) {
        float[] out = new float[batch.size() * DigitImage.SIZE];
        int offset = 0;
        for (DigitImage digit : batch.digits()) {
            offset = encode(digit.pixels(), out, offset);
        }
        return out;
    }

    /**
     * Row-major values of inputs given as values in [0, 1], each {@code input.height x input.width} of them (the line
     * reader's fields), input after input.
     */
    public float[] encode(float[][] inputs) {
        float[] out = new float[inputs.length * input.height() * input.width()];
        int offset = 0;
        for (float[] values : inputs) {
            offset = encode(values, out, offset);
        }
        return out;
    }

    private int encode(float[] values, float[] out, int offset) {
        for (int i = 0; i < values.length; i++) {
            float v = invert ? 1f - values[i] : values[i];
            out[offset + i] = (v - mean) * scale;
        }
        return offset + values.length;
    }

    /** Tensor shape for {@code n} images. */
    public long[] shape(int n) {
        int h = input.height(), w = input.width();
        return switch (input.layout()) {
            case NCHW -> new long[] {n, 1, h, w};
            case NHWC -> new long[] {n, h, w, 1};
            case FLAT -> new long[] {n, (long) h * w};
        };
    }
}
