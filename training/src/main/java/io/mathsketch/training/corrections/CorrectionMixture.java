package io.mathsketch.training.corrections;

import java.util.List;

/**
 * How many times each correction joins the fine-tuning set: {@code weight} copies (each copy augmented differently),
 * but never more than {@code maxShare} of the whole mixture, so a flood of corrections (or a few wrong ones) cannot
 * outweigh MNIST and the style variants. When even one copy each would exceed the share, only the first corrections
 * (in id order, so the oldest) up to the share are used.
 *
 * @param used   corrections used
 * @param copies copies of each
 * @param share  their share of the mixture
 */
public record CorrectionMixture(int used, int copies, double share) {

    public static CorrectionMixture of(int corrections, int baseImages, int weight, double maxShare) {
        if (weight < 1 || !(maxShare > 0 && maxShare < 1)) {
            throw new IllegalArgumentException("weight >= 1 and a share in (0, 1) are needed");
        }
        if (corrections == 0) {
            return new CorrectionMixture(0, 0, 0);
        }
        // used * copies <= maxShare * (base + used * copies)  <=>  used * copies <= maxShare / (1 - maxShare) * base
        long cap = (long) Math.floor(maxShare / (1 - maxShare) * baseImages);
        int used = (int) Math.min(corrections, Math.max(1, cap));
        int copies = (int) Math.max(1, Math.min(weight, cap / used));
        long total = (long) used * copies;
        return new CorrectionMixture(used, copies, (double) total / (baseImages + total));
    }

    /** The corrections as the mixture uses them: the first {@link #used}, each {@link #copies} times. */
    public CorrectionSet apply(CorrectionSet set) {
        List<Correction> first = set.corrections().subList(0, used);
        java.util.ArrayList<Correction> out = new java.util.ArrayList<>(used * copies);
        for (int c = 0; c < copies; c++) {
            out.addAll(first);
        }
        return new CorrectionSet(out);
    }
}
