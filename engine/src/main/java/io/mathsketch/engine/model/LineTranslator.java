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
 * row of {@link CtcScore#CLASSES} logits per column step. The input is encoded as the manifest says, by the digit
 * models' {@link InputEncoder}; the output is the network's (N, 11, 1, steps) logits, transposed.
 */
public final class LineTranslator implements NoBatchifyTranslator<float[][], float[][][]> {

    private final InputEncoder encoder;
    private final String inputName;
    private final String outputName;

    public LineTranslator(ModelManifest manifest) {
        this.encoder = new InputEncoder(manifest);
        this.inputName = manifest.input().name();
        this.outputName = manifest.output().name();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] lines) {
        NDArray array = ctx.getNDManager().create(encoder.encode(lines), new Shape(encoder.shape(lines.length)));
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
