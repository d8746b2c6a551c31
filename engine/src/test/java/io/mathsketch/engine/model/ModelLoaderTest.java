package io.mathsketch.engine.model;

import ai.djl.Device;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.image.DigitImage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading through DJL Criteria on both engines; the engine test classpath has PyTorch natives. */
class ModelLoaderTest {

    private static MnistSubset subset;

    @TempDir
    Path models;

    @BeforeAll
    static void setUp() {
        EngineResolver.applyProcessSettings(1);
        subset = MnistSubset.load();
    }

    @Test
    void pytorchParamsAreLoadedIntoTheManifestArchitectureAndAnswerLikeDjlItself() throws Exception {
        try (PyTorchParamsModel reference = PyTorchParamsModel.create(models, "tiny-cnn")) {
            EngineResolver.engine("PyTorch");
            ModelFolder folder = ModelFolder.open(models.resolve("tiny-cnn"), "PyTorch");
            try (LoadedModel loaded = new ModelLoader("PyTorch", Device.cpu(), 1).load(folder);
                 var predictor = loaded.model().newPredictor()) {
                assertEquals("PyTorch", loaded.engine());
                List<DigitImage> digits = List.of(subset.images().digit(0), subset.images().digit(1),
                        subset.images().digit(2));
                float[][] batch = predictor.predict(new DigitBatch(digits));
                for (int i = 0; i < digits.size(); i++) {
                    assertArrayEquals(reference.probabilities(digits.get(i)), batch[i], 1e-5f, "digit " + i);
                }
            }
        }
    }

    @Test
    void paramsFilesMustFollowDjlNaming() throws Exception {
        try (PyTorchParamsModel ignored = PyTorchParamsModel.create(models, "named")) {
            Path dir = models.resolve("named");
            Files.move(dir.resolve("named-0000.params"), dir.resolve("weights.params"));
            Path manifest = dir.resolve(ModelFolder.MANIFEST);
            Files.writeString(manifest, Files.readString(manifest).replace("named-0000.params", "weights.params"));
            ModelFolder folder = ModelFolder.open(dir, "PyTorch");
            ModelLoadException e = assertThrows(ModelLoadException.class,
                    () -> new ModelLoader("PyTorch", Device.cpu(), 1).load(folder));
            assertTrue(e.getMessage().contains("<prefix>-NNNN.params"), e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsAModelLoadError() throws Exception {
        LinearOnnxModel model = LinearOnnxModel.classMeans(subset, 50, "broken", "1",
                ModelManifest.Layout.FLAT, ModelManifest.OutputKind.LOGITS, ModelManifest.InkPolarity.LIGHT_ON_DARK,
                0, 1, false);
        Path dir = model.writeTo(models);
        Files.writeString(dir.resolve(model.onnxFile()), "not a protobuf");
        Path manifest = dir.resolve(ModelFolder.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replaceAll("[0-9a-f]{64}",
                LinearOnnxModel.sha256(dir.resolve(model.onnxFile()))));
        ModelFolder folder = ModelFolder.open(dir, "OnnxRuntime");
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> new ModelLoader("OnnxRuntime", Device.cpu(), 1).load(folder));
        assertTrue(e.getMessage().contains("could not load"), e.getMessage());
    }
}
