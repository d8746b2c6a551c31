package io.mathsketch.engine.probability;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftmaxTest {

    @Test
    void hugeScoresDoNotOverflow() {
        float[] p = Softmax.probabilities(new float[] {1000f, 999f, -1000f});
        assertEquals(1 / (1 + Math.exp(-1)), p[0], 1e-6);
        assertEquals(1 / (1 + Math.exp(1)), p[1], 1e-6);
        assertEquals(0, p[2]);
    }

    @Test
    void theFirstLabelsAreNormalisedOverThemselvesAlone() {
        // The line reader's last label, the blank, is left out: the digits' probabilities sum to 1 without it.
        float[] p = Softmax.probabilities(new float[] {(float) Math.log(0.1), (float) Math.log(0.3), 50f}, 2);
        assertEquals(2, p.length);
        assertEquals(0.25, p[0], 1e-6);
        assertEquals(0.75, p[1], 1e-6);
    }

    @Test
    void logProbabilitiesAreTheLogarithmsOfTheProbabilities() {
        float[] scores = {3f, -2f, 0.5f, 7f, 6f};
        float[] p = Softmax.probabilities(scores), log = Softmax.logProbabilities(scores);
        for (int i = 0; i < scores.length; i++) {
            assertEquals(Math.log(p[i]), log[i], 1e-5, "label " + i);
        }
    }
}
