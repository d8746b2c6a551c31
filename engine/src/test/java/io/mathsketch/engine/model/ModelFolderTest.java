package io.mathsketch.engine.model;

import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFolderTest {

    private static LinearOnnxModel model;

    @TempDir
    Path models;

    @BeforeAll
    static void fit() {
        model = LinearOnnxModel.classMeans(MnistSubset.load(), 100, "m", "1", Layout.FLAT, OutputKind.LOGITS,
                InkPolarity.LIGHT_ON_DARK, 0, 1, true);
    }

    @Test
    void verifiesAndReportsTheHashOfEveryFile() throws Exception {
        Path dir = model.writeTo(models);
        ModelFolder folder = ModelFolder.open(dir, "OnnxRuntime");
        assertEquals(LinearOnnxModel.sha256(dir.resolve(model.onnxFile())), folder.sha256().get(model.onnxFile()));
        assertEquals(LinearOnnxModel.sha256(dir.resolve(model.dataFile())), folder.sha256().get(model.dataFile()));
        assertEquals(dir.resolve(model.onnxFile()), folder.artifactPath());
    }

    @Test
    void reportsItsModelAsTheManifestAndTheVerifiedHashesSayBesideHowItIsServed() throws Exception {
        ModelFolder folder = ModelFolder.open(model.writeTo(models), "OnnxRuntime");
        ModelInfo info = folder.info("OnnxRuntime", "cpu()", true, 3, 16);
        assertEquals(new ModelInfo("m", "1", "OnnxRuntime", "cpu()", true, folder.manifest().labels(), folder.sha256(),
                folder.manifest().testAccuracy(), 3, 16), info);
        assertEquals(2, info.artifactSha256().size(), "the model file and its external data");
    }

    @Test
    void aChangedArtifactIsRefusedWithBothHashesAndTheFix() throws Exception {
        Path dir = model.writeTo(models);
        String expected = LinearOnnxModel.sha256(dir.resolve(model.onnxFile()));
        Files.write(dir.resolve(model.onnxFile()), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        String actual = LinearOnnxModel.sha256(dir.resolve(model.onnxFile()));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelFolder.open(dir, "OnnxRuntime"));
        assertTrue(e.getMessage().contains(model.onnxFile()), e.getMessage());
        assertTrue(e.getMessage().contains("expected SHA-256 " + expected), e.getMessage());
        assertTrue(e.getMessage().contains("actual " + actual), e.getMessage());
        assertTrue(e.getMessage().contains("restore the folder"), e.getMessage());
    }

    @Test
    void aMissingExternalDataFileIsRefused() throws Exception {
        Path dir = model.writeTo(models);
        Files.delete(dir.resolve(model.dataFile()));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelFolder.open(dir, "OnnxRuntime"));
        assertTrue(e.getMessage().contains(model.dataFile() + " listed in manifest.json is missing"), e.getMessage());
    }

    @Test
    void aMissingFolderNamesTheConfigurationKeys() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelFolder.open(models.resolve("absent"), "OnnxRuntime"));
        assertTrue(e.getMessage().contains("engine.models"), e.getMessage());
    }

    @Test
    void anEngineWithoutArtifactListsTheAvailableOnes() throws Exception {
        Path dir = model.writeTo(models);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelFolder.open(dir, "PyTorch"));
        assertTrue(e.getMessage().contains("(it has: OnnxRuntime)"), e.getMessage());
    }
}
