package io.mathsketch.engine.model;

import ai.djl.engine.Engine;
import io.mathsketch.engine.ModelLoadException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineResolverTest {

    @Test
    void configuredNamesAreMatchedWithoutRegardToCase() throws Exception {
        assertEquals("OnnxRuntime", EngineResolver.canonicalName("onnxruntime"));
        assertEquals("PyTorch", EngineResolver.canonicalName(" pytorch "));
    }

    @Test
    void anUnknownEngineNamesTheKeyAndTheSupportedEngines() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> EngineResolver.canonicalName("MXNet"));
        assertTrue(e.getMessage().startsWith("engine.name: unknown engine 'MXNet'"), e.getMessage());
        assertTrue(e.getMessage().contains("OnnxRuntime, PyTorch"), e.getMessage());
    }

    @Test
    void bothEnginesResolveOnTheTestClasspathWhichCarriesTheirNatives() throws Exception {
        EngineResolver.applyProcessSettings(1);
        Engine onnx = EngineResolver.engine("OnnxRuntime");
        assertEquals("OnnxRuntime", onnx.getEngineName());
        assertEquals(null, onnx.getAlternativeEngine(), "ONNX Runtime must not delegate to PyTorch");
        assertEquals("PyTorch", EngineResolver.engine("PyTorch").getEngineName());
    }

    @Test
    void processSettingsNeverOverrideWhatTheOperatorSet() {
        String key = "ai.djl.pytorch.num_interop_threads";
        String previous = System.getProperty(key);
        try {
            System.setProperty(key, "3");
            EngineResolver.applyProcessSettings(1);
            assertEquals("3", System.getProperty(key));
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }
}
