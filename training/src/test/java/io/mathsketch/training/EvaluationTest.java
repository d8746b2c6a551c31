package io.mathsketch.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void accuracyAndPerClassRecallComeFromTheConfusionMatrix() {
        long[][] confusion = new long[10][10];
        confusion[3][3] = 8;
        confusion[3][5] = 2;
        confusion[7][7] = 10;
        Evaluation evaluation = new Evaluation(confusion);

        assertEquals(20, evaluation.total());
        assertEquals(18, evaluation.correct());
        assertEquals(0.9, evaluation.accuracy(), 1e-12);
        assertEquals(0.8, evaluation.classAccuracy(3), 1e-12);
        assertEquals(1.0, evaluation.classAccuracy(7), 1e-12);
        assertEquals(0.0, evaluation.classAccuracy(0));
    }

    @Test
    void onlyATenByTenMatrixIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(new long[9][10]));
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(new long[1][1]));
        assertEquals(18, new Evaluation(new long[18][18]).classes());
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(new long[10][3]));
    }
}
