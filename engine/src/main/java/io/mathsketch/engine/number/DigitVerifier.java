package io.mathsketch.engine.number;

import java.util.ArrayList;
import java.util.List;

/**
 * Number mode's digit verifier ({@code mathsketch-digit-verifier}), as serving and training share it: its labels
 * ({@link #LABELS}: the ten digits in order, then {@value #NONE}: not one whole digit). Serving finds the verifier
 * among the loaded models by these labels; training writes them into the model it trains.
 */
public final class DigitVerifier {

    /** The label of a candidate that is not one whole digit. */
    public static final String NONE = "none";
    /** The index of {@link #NONE} among the labels, after the ten digits. */
    public static final int NOT_ONE_DIGIT = 10;
    /** The labels in order: {@code "0"} to {@code "9"} and {@value #NONE}. */
    public static final List<String> LABELS = labels();

    private DigitVerifier() {
    }

    /**
     * A candidate's digit probabilities weighed by the verifier, as expression mode weighs its digits
     * ({@code SymbolChoice.weighedBy}): each digit's probability times the verifier's probability that the candidate
     * is that one whole digit, normalised over the digits. Its largest entry is the digit both models favour: on
     * {@code NumberConfig.TUNING} ({@code PairTuning}, pair weight 3) reading that digit instead of the digit model's
     * own choice read 1,115 instead of 1,106 of numbers 0-1,199 and 740 instead of 737 of numbers 1,200-1,999.
     * When every product is 0 the digit model's probabilities are returned as they are.
     *
     * @param digit the digit model's probabilities of the digits 0-9
     * @param verifier the verifier's probabilities, in {@link #LABELS} order
     */
    public static float[] weigh(float[] digit, float[] verifier) {
        if (digit.length != NOT_ONE_DIGIT || verifier.length != LABELS.size()) {
            throw new IllegalArgumentException("expected 10 digit and 11 verifier probabilities, not "
                    + digit.length + " and " + verifier.length);
        }
        float[] weighed = new float[NOT_ONE_DIGIT];
        float total = 0;
        for (int d = 0; d < NOT_ONE_DIGIT; d++) {
            weighed[d] = digit[d] * verifier[d];
            total += weighed[d];
        }
        if (total <= 0) {
            return digit.clone();
        }
        for (int d = 0; d < NOT_ONE_DIGIT; d++) {
            weighed[d] /= total;
        }
        return weighed;
    }

    private static List<String> labels() {
        List<String> labels = new ArrayList<>(NOT_ONE_DIGIT + 1);
        for (int digit = 0; digit < NOT_ONE_DIGIT; digit++) {
            labels.add(Integer.toString(digit));
        }
        labels.add(NONE);
        return List.copyOf(labels);
    }
}
