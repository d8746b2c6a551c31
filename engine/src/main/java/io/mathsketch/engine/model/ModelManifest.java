package io.mathsketch.engine.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The parsed, validated {@code manifest.json} of a model folder: the contract between training (which writes it) and
 * the engine (which serves what it describes). Read it with {@link ManifestReader}.
 *
 * @param name model name, also the folder name the configuration refers to
 * @param version model version, addressable as {@code name:version}
 * @param description free text for humans
 * @param architecture network name for {@link CnnArchitectures}; needed only by {@code .params} artifacts
 * @param artifacts one file per engine able to run the model
 * @param input what the network expects
 * @param normalization {@code (v - mean) / std} applied after polarity
 * @param inkPolarity whether the network expects ink as high values (MNIST) or as dark on light
 * @param output what the network produces
 * @param labels output labels, one per output column
 * @param evaluation accuracy stated by the model card, if any
 */
public record ModelManifest(String name, String version, String description, Optional<String> architecture,
                            List<Artifact> artifacts, Input input, Normalization normalization,
                            InkPolarity inkPolarity, Output output, List<String> labels,
                            Optional<Evaluation> evaluation) {

    public ModelManifest {
        artifacts = List.copyOf(artifacts);
        labels = List.copyOf(labels);
    }

    /** The accuracy the model card states ({@link #evaluation}), if any. */
    public OptionalDouble testAccuracy() {
        return evaluation.map(e -> OptionalDouble.of(e.accuracy())).orElse(OptionalDouble.empty());
    }

    /** The artifact for an engine name (case-insensitive), if the manifest has one. */
    public Optional<Artifact> artifactFor(String engine) {
        return artifacts.stream().filter(a -> a.engine().equalsIgnoreCase(engine)).findFirst();
    }

    /**
     * One model file for one engine.
     *
     * @param engine DJL engine name ({@code OnnxRuntime}, {@code PyTorch})
     * @param file file name inside the model folder
     * @param sha256 expected lowercase hex SHA-256 of the file
     * @param externalData ONNX external-data files next to the model file, checksummed too
     */
    public record Artifact(String engine, String file, String sha256, List<ExternalData> externalData) {
        public Artifact {
            externalData = List.copyOf(externalData);
        }
    }

    /** An ONNX external-data file. */
    public record ExternalData(String file, String sha256) {
    }

    /** Network input: tensor name and layout of a batch of {@code height x width} single-channel images. */
    public record Input(String name, Layout layout, int height, int width) {
    }

    /** Per-pixel normalisation. */
    public record Normalization(float mean, float std) {
    }

    /** Network output: tensor name and whether it holds logits or probabilities. */
    public record Output(String name, OutputKind kind) {
    }

    /** Accuracy stated by the model card. */
    public record Evaluation(String dataset, double accuracy) {
    }

    /** Input tensor layouts; the batch dimension is always first and dynamic. */
    public enum Layout { NCHW, NHWC, FLAT }

    /** How ink is represented in the network's input. */
    public enum InkPolarity {
        /** Ink is high (MNIST): the engine's ink intensity is used as is. */
        LIGHT_ON_DARK("light-on-dark"),
        /** Ink is low: the network sees {@code 1 - ink}. */
        DARK_ON_LIGHT("dark-on-light");

        private final String json;

        InkPolarity(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** What the output tensor holds. */
    public enum OutputKind {
        /** Unnormalised scores: the engine applies softmax. */
        LOGITS,
        /** Already probabilities (softmax inside the graph): passed through after validation. */
        PROBABILITIES
    }
}
