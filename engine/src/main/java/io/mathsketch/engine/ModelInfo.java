package io.mathsketch.engine;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A loaded model as reported to clients and health checks.
 *
 * @param name model name from the manifest
 * @param version model version from the manifest
 * @param engine DJL engine serving it
 * @param device device actually in use
 * @param isDefault whether requests without a model reference go to it
 * @param labels output labels
 * @param artifactSha256 verified SHA-256 of each artifact file, by file name
 * @param testAccuracy accuracy stated by the manifest (from the model card), if any
 * @param workers inference workers (predictors) serving it
 * @param maxBatchSize largest batch a worker forms
 */
public record ModelInfo(String name, String version, String engine, String device, boolean isDefault,
                        List<String> labels, Map<String, String> artifactSha256, OptionalDouble testAccuracy,
                        int workers, int maxBatchSize) {

    /** The labels of a model that reads digits: the ten digits in order. */
    public static final List<String> DIGIT_LABELS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /**
     * Whether this model reads digits, its labels being {@link #DIGIT_LABELS}: what the API's digit and number mode
     * need, and what the recognizer looks for in a model to tell digits apart with.
     */
    public boolean readsDigits() {
        return labels.equals(DIGIT_LABELS);
    }
}
