package io.mathsketch.server.store;

import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.expression.Symbol;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Accuracy as measured by user feedback.
 *
 * @param models one entry per model name and version
 */
public record Stats(List<ModelStats> models) {

    public Stats {
        models = List.copyOf(models);
    }

    public long total() {
        return models.stream().mapToLong(ModelStats::total).sum();
    }

    public long corrected() {
        return models.stream().mapToLong(ModelStats::corrected).sum();
    }

    public long correct() {
        return models.stream().mapToLong(ModelStats::correct).sum();
    }

    public OptionalDouble accuracy() {
        return ratio(correct(), corrected());
    }

    static OptionalDouble ratio(long correct, long corrected) {
        return corrected == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / corrected);
    }

    /**
     * Counts for one model.
     *
     * @param model name and version
     * @param total recognitions
     * @param corrected recognitions with feedback
     * @param correct recognitions whose feedback equals the answer
     * @param confusion digit-mode counts, row = true label (feedback), column = predicted digit
     * @param symbolConfusion expression-mode counts per symbol ({@link Symbol} order), row = the symbol in the
     *                        correction, column = the symbol read at the same place, from corrected expressions of as
     *                        many symbols as were read; empty when the model has none
     */
    public record ModelStats(Recognition.ModelRef model, long total, long corrected, long correct,
                             long[][] confusion, Optional<long[][]> symbolConfusion) {

        public OptionalDouble accuracy() {
            return ratio(correct, corrected);
        }
    }
}
