package io.mathsketch.engine.model;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.number.CtcScore;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line reader's manifest: a number line's input goes with the line reader's labels, and only with them, so that
 * neither a digit model nor a line reader is fed the other's input.
 */
class LineManifestTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedLineReaderReadsAsALineModel() throws Exception {
        ModelManifest m = ManifestReader.read(Checkout.models().resolve("mathsketch-line-reader/manifest.json"));
        assertEquals(CtcScore.LABELS, m.labels());
        assertEquals(LineCentering.HEIGHT, m.input().height());
        assertEquals(LineCentering.WIDTH, m.input().width());
    }

    @Test
    void aLineInputWithDigitLabelsIsRefused() throws Exception {
        String json = Manifests.validJson().replaceFirst("\"height\": 28", "\"height\": 24")
                .replaceFirst("\"width\": 28", "\"width\": 192");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ManifestReader.read(write(json)));
        assertTrue(e.getMessage().contains("line reader"), e.getMessage());
    }

    @Test
    void theLineReadersLabelsWithADigitInputAreRefused() throws Exception {
        String committed = Files.readString(Checkout.models().resolve("mathsketch-line-reader/manifest.json"));
        String json = committed.replaceFirst("\"height\": 24", "\"height\": 28")
                .replaceFirst("\"width\": 192", "\"width\": 28");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ManifestReader.read(write(json)));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("manifest.json"), json);
    }
}
