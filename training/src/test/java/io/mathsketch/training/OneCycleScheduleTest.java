package io.mathsketch.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OneCycleScheduleTest {

    private final OneCycleSchedule schedule = new OneCycleSchedule(0.01f, 100, 1000);

    @Test
    void warmsUpFromATenthToThePeak() {
        // DJL numbers updates from 1.
        assertEquals(0.001f, schedule.getNewValue(1), 1e-7);
        assertTrue(schedule.getNewValue(50) > schedule.getNewValue(10));
        assertEquals(0.01f, schedule.getNewValue(101), 1e-7);
    }

    @Test
    void decaysMonotonicallyToAHundredthOfThePeak() {
        float previous = Float.MAX_VALUE;
        for (int step = 101; step <= 1000; step += 50) {
            float lr = schedule.getNewValue(step);
            assertTrue(lr <= previous);
            previous = lr;
        }
        assertEquals(0.0001f, schedule.getNewValue(1001), 1e-7);
        assertEquals(0.0001f, schedule.getNewValue(5000), 1e-7);
    }

    @Test
    void rejectsAScheduleWithoutDecay() {
        assertThrows(IllegalArgumentException.class, () -> new OneCycleSchedule(0.01f, 10, 10));
    }
}
