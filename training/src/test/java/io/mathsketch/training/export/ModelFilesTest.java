package io.mathsketch.training.export;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFilesTest {

    @Test
    void theModelIsNamedAfterItsOutputFolder() {
        ModelFiles files = ModelFiles.in(Path.of("models", "mnist-cnn-v2"), "1.0.0");

        assertEquals("mnist-cnn-v2", files.name());
        assertEquals("mnist-cnn-v2.onnx", files.onnxFile());
        assertEquals("mnist-cnn-v2-0000.params", files.paramsFile());
        assertEquals("try.2", ModelFiles.in(Path.of("models/try.2/"), "1").name());
    }

    @Test
    void aFolderNameThatCannotNameAModelIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.in(Path.of("models", "my model"), "1.0.0"));
        assertTrue(e.getMessage().contains("'my model' is not a usable model name"), e.getMessage());
    }
}
