package io.mathsketch.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.mathsketch.engine.number.CtcScore;
import io.mathsketch.engine.preprocess.LineCentering;

/**
 * Runs number lines ({@link LineCentering} fields) through the line reader as one tensor and returns, per line, one
 * row of {@link CtcScore#CLASSES} logits per column step. The input is normalised as the manifest says (polarity,
 * then {@code (v - mean) / std}); the output is the network's (N, 11, 1, steps) logits, transposed.
 */
public final class LineTranslator implements NoBatchifyTranslator<float[][], float[][][]> {

    private final boolean invert;
    private final float mean;
    private final float scale;
    private final String inputName;
    private final String outputName;

    public LineTranslator(ModelManifest manifest) {
        this.invert = manifest.inkPolarity() == ModelManifest.InkPolarity.DARK_ON_LIGHT;
        this.mean = manifest.normalization().mean();
        this.scale = 1f / manifest.normalization().std();
        this.inputName = manifest.input().name();
        this.outputName = manifest.output().name();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] lines) {
        int size = LineCentering.HEIGHT * LineCentering.WIDTH;
        float[] values = new float[lines.length * size];
        for (int i = 0; i < lines.length; i++) {
            for (int k = 0; k < size; k++) {
                float v = invert ? 1f - lines[i][k] : lines[i][k];
                values[i * size + k] = (v - mean) * scale;
            }
        }
        NDArray array = ctx.getNDManager().create(values,
                new Shape(lines.length, 1, LineCentering.HEIGHT, LineCentering.WIDTH));
        array.setName(inputName);
        return new NDList(array);
    }

    @Override
    public float[][][] processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.size() == 1 ? list.singletonOrThrow() : list.get(outputName);
        if (output == null) {
            throw new IllegalStateException("the model has no output named '" + outputName + "' (manifest field"
                    + " output.name)");
        }
        long[] shape = output.getShape().getShape();
        if (shape.length != 4 || shape[1] != CtcScore.CLASSES || shape[2] != 1) {
            throw new IllegalStateException("a line reader outputs (N, " + CtcScore.CLASSES + ", 1, steps), not "
                    + output.getShape());
        }
        int n = (int) shape[0], steps = (int) shape[3], classes = CtcScore.CLASSES;
        float[] flat = output.toFloatArray();
        float[][][] out = new float[n][steps][classes];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < classes; c++) {
                for (int t = 0; t < steps; t++) {
                    out[i][t][c] = flat[(i * classes + c) * steps + t];
                }
            }
        }
        return out;
    }
}
