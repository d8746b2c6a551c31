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

    private static List<String> labels() {
        List<String> labels = new ArrayList<>(NOT_ONE_DIGIT + 1);
        for (int digit = 0; digit < NOT_ONE_DIGIT; digit++) {
            labels.add(Integer.toString(digit));
        }
        labels.add(NONE);
        return List.copyOf(labels);
    }
}
