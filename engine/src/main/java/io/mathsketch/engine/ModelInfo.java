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
}
