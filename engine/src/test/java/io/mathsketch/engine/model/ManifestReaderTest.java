package io.mathsketch.engine.model;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestReaderTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("manifest.json"), json);
    }

    @Test
    void readsTheContractExample() throws Exception {
        ModelManifest m = ManifestReader.read(write(Manifests.validJson()));
        assertEquals("mnist-cnn", m.name());
        assertEquals("mathsketch-cnn-v1", m.architecture().orElseThrow());
        assertEquals("mnist-cnn-0000.params", m.artifactFor("pytorch").orElseThrow().file());
        assertEquals(Layout.NCHW, m.input().layout());
        assertEquals(0.3081f, m.normalization().std());
        assertEquals(InkPolarity.LIGHT_ON_DARK, m.inkPolarity());
        assertEquals(OutputKind.LOGITS, m.output().kind());
        assertEquals(10, m.labels().size());
        assertEquals(0.9935, m.evaluation().orElseThrow().accuracy());
        assertEquals(0.9935, m.testAccuracy().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"version\": \"1.0.0\",|                               |'version' is missing",
            "\"layout\": \"NCHW\"|\"layout\": \"CHW\"                 |'input.layout' must be one of [NCHW, NHWC, FLAT]",
            "\"kind\": \"logits\"|\"kind\": \"scores\"                |'output.kind' must be one of",
            "\"inkPolarity\": \"light-on-dark\"|\"inkPolarity\": \"white\"|'inkPolarity' must be",
            "\"std\": 0.3081|\"std\": 0                           |'normalization.std' must be a positive number",
            "\"file\": \"mnist-cnn.onnx\"|\"file\": \"../../etc/passwd\" |'artifacts[0].file' must be a plain file name",
            "\"sha256\": \"0000|\"sha256\": \"zz00                   |'artifacts[0].sha256' must be 64 hex digits",
            "\"height\": 28|\"height\": 32                          |the engine prepares 28x28 digits",
            "\"accuracy\": 0.9935|\"accuracy\": 99.35                |'evaluation.accuracy' must be a fraction"})
    void eachBrokenFieldIsNamedWithTheFile(String from, String to, String message) throws Exception {
        String json = Manifests.validJson().replaceFirst(Pattern.quote(from.strip()),
                to == null ? "" : to.strip());
        Path file = write(json);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ManifestReader.read(file));
        assertTrue(e.getMessage().contains(message.strip()), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void invalidJsonIsReportedAsSuch() throws Exception {
        Path file = write("{\"name\": ");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ManifestReader.read(file));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    @Test
    void aMissingManifestNamesTheFile() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ManifestReader.read(dir.resolve("manifest.json")));
        assertTrue(e.getMessage().contains("manifest.json not found"), e.getMessage());
    }
}
