package io.mathsketch.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Runs a {@link DigitBatch} through a model as one tensor and returns one probability row per digit. All arrays come
 * from the per-call manager of the {@link TranslatorContext}, which DJL closes after each call; inputs and outputs
 * stay plain Java so nothing native escapes a prediction.
 */
public final class DigitTranslator implements NoBatchifyTranslator<DigitBatch, float[][]> {

    private final InputEncoder encoder;
    private final OutputDecoder decoder;
    private final String inputName;
    private final String outputName;

    public DigitTranslator(ModelManifest manifest) {
        this.encoder = new InputEncoder(manifest);
        this.decoder = new OutputDecoder(manifest);
        this.inputName = manifest.input().name();
        this.outputName = manifest.output().name();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, DigitBatch batch) {
        NDArray array = ctx.getNDManager().create(encoder.encode(batch), new Shape(encoder.shape(batch.size())));
        array.setName(inputName);
        ctx.setAttachment("n", batch.size());
        return new NDList(array);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.size() == 1 ? list.singletonOrThrow() : list.get(outputName);
        if (output == null) {
            throw new IllegalStateException("the model has no output named '" + outputName + "' (manifest field"
                    + " output.name)");
        }
        int n = (Integer) ctx.getAttachment("n");
        return decoder.decode(output.toFloatArray(), output.getShape().getShape(), n);
    }
}
