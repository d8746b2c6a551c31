package io.mathsketch.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.training.export.OnnxClassifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two committed artifacts are the same model: ONNX Runtime on the ONNX graph and PyTorch on the DJL parameters
 * (block rebuilt from CnnArchitectures) agree on every one of the 2,000 committed test digits.
 */
class CommittedModelParityTest {

    @Test
    void onnxRuntimeAndPyTorchAgreeOnEveryCommittedDigit() throws Exception {
        MnistSubset subset = MnistSubset.load();
        Evaluator evaluator = new Evaluator(InputNormalization.MNIST);
        int disagreements = 0;
        double maxDiff = 0;
        try (Model torch = CommittedModel.pyTorch();
             OnnxClassifier onnx = new OnnxClassifier(CommittedModel.folder().resolve("mnist-cnn.onnx"))) {
            for (int start = 0; start < subset.count(); start += 250) {
                int size = Math.min(250, subset.count() - start);
                List<DigitImage> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    batch.add(subset.images().digit(start + i));
                }
                float[][] expected = evaluator.logits(torch, subset.images()::digit, start, size);
                float[][] actual = onnx.logits(InputNormalization.MNIST.apply(batch), size);
                for (int i = 0; i < size; i++) {
                    assertEquals(10, actual[i].length);
                    if (Evaluator.argMax(actual[i]) != Evaluator.argMax(expected[i])) {
                        disagreements++;
                    }
                    for (int c = 0; c < 10; c++) {
                        maxDiff = Math.max(maxDiff, Math.abs(actual[i][c] - expected[i][c]));
                    }
                }
            }
        }
        assertEquals(0, disagreements, "digits on which the engines pick different classes");
        assertTrue(maxDiff <= 1e-4, "largest logit difference " + maxDiff);
    }
}
