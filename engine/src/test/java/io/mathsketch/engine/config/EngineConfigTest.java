package io.mathsketch.engine.config;

import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineConfigTest {

    @Test
    void readingNothingGivesTheBuildersDefaults() {
        EngineConfig read = EngineConfig.from(ConfigValues.of(Map.of()));

        assertEquals(EngineConfig.builder().build(), read);
        assertEquals(Path.of("models"), read.modelsDirectory());
        assertEquals(List.of("mnist-cnn", "mathsketch-symbols", "mathsketch-digit-verifier",
                "mathsketch-digit-pairs", "mathsketch-line-reader"), read.models());
        assertEquals(EngineConfig.defaultWorkers(), read.workers());
        assertEquals(Duration.ofNanos(500_000), read.batching().arrivalWait());
        assertEquals(Duration.ZERO, read.batching().maxDelay());
        assertEquals(8L * 1024 * 1024, read.limits().maxPayloadBytes());
    }

    @Test
    void readsNestedSectionsAndPutsTheDefaultModelFirst() {
        EngineConfig read = EngineConfig.from(ConfigValues.of(Map.of(
                "engine.models", "a, b,c",
                "engine.default-model", "c",
                "engine.name", "pytorch",
                "engine.workers", "3",
                "engine.batching.max-delay", "2ms",
                "engine.batching.arrival-wait", "PT0.001S",
                "limits.max-image-width", "100")));

        assertEquals(List.of("c", "a", "b"), read.models());
        assertEquals("PyTorch", read.engine());
        assertEquals(3, read.workers());
        assertEquals(Duration.ofMillis(2), read.batching().maxDelay());
        assertEquals(Duration.ofMillis(1), read.batching().arrivalWait());
        assertEquals(100, read.limits().maxWidth());
    }

    /** A model committed under models/ but missing from the default list would ship without being served. */
    @Test
    void theDefaultModelsAreEveryCommittedModelFolder() throws IOException {
        Set<String> committed;
        try (Stream<Path> folders = Files.list(Checkout.models())) {
            committed = folders.filter(f -> Files.isRegularFile(f.resolve("manifest.json")))
                    .map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(committed, Set.copyOf(EngineConfig.MODELS.defaultValue()));
        assertEquals("mnist-cnn", EngineConfig.MODELS.defaultValue().getFirst(), "the digit model is the default");
    }

    @Test
    void aBadValueIsReportedWithItsFullKey() {
        assertInvalid("engine.batching.max-batch-size", "0", "a whole number between 1 and 4096");
        assertInvalid("engine.batching.max-delay", "soon", "a duration");
        assertInvalid("engine.batching.max-delay", "-PT1S", "not negative");
        assertInvalid("engine.workers", "many", "a whole number between 1 and 256");
        assertInvalid("engine.device", "tpu", "one of [cpu, gpu, auto]");
        assertInvalid("engine.default-model", "other", "one of engine.models");
        assertInvalid("engine.models", " , ", "at least one model");
        assertInvalid("limits.max-payload-bytes", "-1", "a whole number between 1024");
    }

    @Test
    void theBuilderChecksWhatTheConfigurationChecks() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Batching.builder().maxBatchSize(0).build());
        assertEquals("max-batch-size", e.key());
        assertThrows(InvalidConfigException.class, () -> EngineConfig.builder().engine("TensorFlow"));
        assertThrows(InvalidConfigException.class, () -> InputLimits.builder().maxWidth(27).build());
    }

    private static void assertInvalid(String key, String value, String expected) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> EngineConfig.from(ConfigValues.of(Map.of(key, value))));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
