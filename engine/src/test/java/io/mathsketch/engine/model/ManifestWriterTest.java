package io.mathsketch.engine.model;

import io.mathsketch.engine.model.ModelManifest.Artifact;
import io.mathsketch.engine.model.ModelManifest.Evaluation;
import io.mathsketch.engine.model.ModelManifest.ExternalData;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the writer writes, the reader reads back as the same manifest. */
class ManifestWriterTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldSurvivesWriteThenRead() throws Exception {
        ModelManifest full = new ModelManifest("digits", "2.0.1", "a test model", Optional.of("mathsketch-cnn-v1"),
                List.of(new Artifact("OnnxRuntime", "digits.onnx", "ab".repeat(32),
                                List.of(new ExternalData("digits.onnx.data", "cd".repeat(32)))),
                        new Artifact("PyTorch", "digits-0000.params", "ef".repeat(32), List.of())),
                new ModelManifest.Input("image", Layout.NHWC, 28, 28),
                new ModelManifest.Normalization(0.1307f, 0.3081f), InkPolarity.DARK_ON_LIGHT,
                new ModelManifest.Output("probabilities", OutputKind.PROBABILITIES),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                Optional.of(new Evaluation("MNIST test set", 0.9943)));

        assertEquals(full, roundTrip(full));
    }

    @Test
    void optionalFieldsStayAbsent() throws Exception {
        ModelManifest minimal = Manifests.sample(Layout.FLAT, InkPolarity.LIGHT_ON_DARK, 0f, 1f);

        String json = ManifestWriter.json(minimal);

        assertEquals(minimal, roundTrip(minimal));
        assertTrue(!json.contains("description") && !json.contains("architecture") && !json.contains("evaluation")
                && !json.contains("externalData") && !json.contains("null"), json);
    }

    @Test
    void normalisationIsWrittenAsDeclared() {
        String json = ManifestWriter.json(Manifests.sample(Layout.NCHW, InkPolarity.LIGHT_ON_DARK, 0.1307f, 0.3081f));
        assertTrue(json.contains("0.1307") && !json.contains("0.13070000"), json);
    }

    private ModelManifest roundTrip(ModelManifest manifest) throws Exception {
        Path file = Files.writeString(dir.resolve(ModelFolder.MANIFEST), ManifestWriter.json(manifest));
        return ManifestReader.read(file);
    }
}
