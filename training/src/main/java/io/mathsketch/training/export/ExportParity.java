package io.mathsketch.training.export;

import ai.djl.Model;
import ai.onnxruntime.OrtException;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.training.Evaluator;
import io.mathsketch.training.InputNormalization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * How closely an exported ONNX graph, run by ONNX Runtime, reproduces the PyTorch model it came from.
 *
 * @param images          digits compared
 * @param argMaxAgreement digits on which both pick the same class
 * @param maxAbsDiff      largest absolute logit difference
 */
public record ExportParity(int images, int argMaxAgreement, double maxAbsDiff) {

    private static final int BATCH = 500;

    public static ExportParity measure(Model model, Path onnx, IntFunction<DigitImage> digits, int count,
                                       InputNormalization normalization) throws OrtException {
        Evaluator evaluator = new Evaluator(normalization);
        int agree = 0;
        double maxDiff = 0;
        try (OnnxClassifier classifier = new OnnxClassifier(onnx)) {
            for (int start = 0; start < count; start += BATCH) {
                int size = Math.min(BATCH, count - start);
                List<DigitImage> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(digits.apply(start + i));
                }
                float[][] ort = classifier.logits(normalization.apply(batch), size);
                float[][] torch = evaluator.logits(model, digits, start, size);
                for (int i = 0; i < size; i++) {
                    if (Evaluator.argMax(ort[i]) == Evaluator.argMax(torch[i])) {
                        agree++;
                    }
                    for (int c = 0; c < ort[i].length; c++) {
                        maxDiff = Math.max(maxDiff, Math.abs(ort[i][c] - torch[i][c]));
                    }
                }
            }
        }
        return new ExportParity(count, agree, maxDiff);
    }
}
