package io.mathsketch.engine.model;

import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDecoderTest {

    private final OutputDecoder logits = new OutputDecoder(
            Manifests.sample(Layout.NCHW, InkPolarity.LIGHT_ON_DARK, 0, 1, OutputKind.LOGITS));
    private final OutputDecoder probabilities = new OutputDecoder(
            Manifests.sample(Layout.NCHW, InkPolarity.LIGHT_ON_DARK, 0, 1, OutputKind.PROBABILITIES));

    @Test
    void softmaxIsStableForHugeLogits() {
        float[] row = new float[10];
        row[3] = 1000f;
        row[4] = 999f;
        float[][] p = logits.decode(row, new long[] {1, 10}, 1);
        assertEquals(1 / (1 + Math.exp(-1)), p[0][3], 1e-6);
        assertEquals(1 / (1 + Math.exp(1)), p[0][4], 1e-6);
        double sum = 0;
        for (float v : p[0]) {
            sum += v;
        }
        assertEquals(1, sum, 1e-6);
    }

    @Test
    void eachImageGetsItsOwnRow() {
        float[] values = new float[20];
        values[2] = 50;
        values[10 + 7] = 50;
        float[][] p = logits.decode(values, new long[] {2, 10}, 2);
        assertTrue(p[0][2] > 0.99 && p[1][7] > 0.99);
    }

    @Test
    void probabilitiesPassThroughUnchanged() {
        float[] row = {0.1f, 0.2f, 0.3f, 0.4f, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(row, probabilities.decode(row, new long[] {1, 10}, 1)[0]);
    }

    @Test
    void declaredProbabilitiesThatAreNotADistributionAreAnError() {
        float[] row = {2f, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> probabilities.decode(row, new long[] {1, 10}, 1));
        assertTrue(e.getMessage().contains("set output.kind to logits"), e.getMessage());
    }

    @Test
    void anOutputThatDoesNotMatchTheLabelsIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> logits.decode(new float[12], new long[] {1, 12}, 1));
        assertTrue(e.getMessage().contains("[1, 10]"), e.getMessage());
    }
}
