package io.mathsketch.training;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate per optimiser step: a linear warm-up from a tenth of the peak over the first steps, then a cosine
 * decay to a hundredth of the peak at the last step. Warm-up keeps Adam's early, noisy steps small; the long decay
 * is what gets the last tenths of a percent of accuracy.
 */
public record OneCycleSchedule(float peak, int warmUpSteps, int totalSteps) implements Tracker {

    public OneCycleSchedule {
        if (!(peak > 0) || warmUpSteps < 0 || totalSteps <= warmUpSteps) {
            throw new IllegalArgumentException("schedule needs peak > 0 and 0 <= warm-up < total steps");
        }
    }

    @Override
    public float getNewValue(int numUpdate) {
        // DJL counts updates from 1.
        int step = Math.max(0, numUpdate - 1);
        if (step < warmUpSteps) {
            return peak * (0.1f + 0.9f * step / warmUpSteps);
        }
        double progress = Math.min(1.0, (double) (step - warmUpSteps) / (totalSteps - warmUpSteps));
        float floor = peak / 100;
        return (float) (floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
