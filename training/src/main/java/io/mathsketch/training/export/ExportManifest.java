package io.mathsketch.training.export;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.ManifestReader;
import io.mathsketch.engine.model.ManifestWriter;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.model.ModelManifest.Artifact;
import io.mathsketch.engine.model.ModelManifest.Evaluation;
import io.mathsketch.engine.model.ModelManifest.Input;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.Normalization;
import io.mathsketch.engine.model.ModelManifest.Output;
import io.mathsketch.engine.model.ModelManifest.OutputKind;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.training.InputNormalization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The manifest of a trained model: the engine's {@link ModelManifest}, written with the engine's
 * {@link ManifestWriter} and read back with its {@link ManifestReader}, so that training never leaves a folder the
 * engine would refuse.
 */
public final class ExportManifest {

    private ExportManifest() {
    }

    /**
     * @param folder   model folder holding the ONNX and params files (their SHA-256 go into the manifest)
     * @param accuracy accuracy on the 10,000 MNIST test digits
     */
    public static ModelManifest of(Path folder, ModelFiles files, String architecture,
                                   InputNormalization normalization, double accuracy) throws IOException {
        return of(folder, files, architecture, normalization, "Handwritten digit classifier (MNIST, " + architecture
                        + "), trained with DJL/PyTorch on augmented, engine-centred digits",
                IntStream.range(0, 10).mapToObj(String::valueOf).toList(),
                new Evaluation("MNIST test set (10,000 images)", Math.round(accuracy * 10_000) / 10_000.0));
    }

    /** A manifest for any label set, with its own description and evaluation. */
    public static ModelManifest of(Path folder, ModelFiles files, String architecture, InputNormalization normalization,
                                   String description, List<String> labels, Evaluation evaluation)
            throws IOException {
        return of(folder, files, architecture, normalization, description, labels, evaluation,
                new Input("input", Layout.NCHW, DigitImage.SIDE, DigitImage.SIDE));
    }

    /** The same for a network whose input is {@code input} (number mode's line reader). */
    public static ModelManifest of(Path folder, ModelFiles files, String architecture, InputNormalization normalization,
                                   String description, List<String> labels, Evaluation evaluation, Input input)
            throws IOException {
        return new ModelManifest(files.name(), files.version(), description,
                Optional.of(architecture),
                List.of(new Artifact("OnnxRuntime", files.onnxFile(), Sha256.of(folder.resolve(files.onnxFile())),
                                List.of()),
                        new Artifact("PyTorch", files.paramsFile(), Sha256.of(folder.resolve(files.paramsFile())),
                                List.of())),
                input,
                new Normalization(normalization.mean(), normalization.std()),
                InputNormalization.INK_POLARITY,
                new Output("logits", OutputKind.LOGITS),
                labels,
                Optional.of(evaluation));
    }

    /**
     * Writes {@code manifest.json} into {@code folder} and reads it back as the engine will; fails if what the engine
     * reads differs from what was meant.
     */
    public static Path write(Path folder, ModelManifest manifest) throws IOException {
        Path file = folder.resolve(ModelFolder.MANIFEST);
        Files.writeString(file, ManifestWriter.json(manifest), StandardCharsets.UTF_8);
        try {
            ModelManifest read = ManifestReader.read(file);
            if (!read.equals(manifest)) {
                throw new IllegalStateException("the engine reads " + file + " as " + read + ", not " + manifest);
            }
        } catch (ModelLoadException e) {
            throw new IllegalStateException("the engine would refuse the manifest just written: " + e.getMessage(), e);
        }
        return file;
    }
}
