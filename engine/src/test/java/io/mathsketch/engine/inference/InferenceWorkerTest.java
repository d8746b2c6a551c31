package io.mathsketch.engine.inference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InferenceWorkerTest {

    @Test
    void warmsUpEveryPowerOfTwoAndTheMaximum() {
        assertEquals(List.of(1), InferenceWorker.warmUpSizes(1));
        assertEquals(List.of(1, 2, 4, 8, 16, 32), InferenceWorker.warmUpSizes(32));
        assertEquals(List.of(1, 2, 4, 8, 16, 24), InferenceWorker.warmUpSizes(24));
    }
}
