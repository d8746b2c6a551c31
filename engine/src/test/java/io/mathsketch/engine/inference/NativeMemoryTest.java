package io.mathsketch.engine.inference;

import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.model.PyTorchParamsModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.mathsketch.engine.inference.TestModels.SUBSET;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prediction allocates its tensors from a per-call manager that DJL closes; a leak there would make the
 * process's resident memory climb with every request. Resident memory also swings by tens of MB with the allocator
 * and the Java heap, so the test compares the peak of the first rounds with the peak of the last ones: a leak of one
 * input tensor per call (3 kB) over the 14,000 predictions between them would exceed the bound. Not a timing test.
 */
class NativeMemoryTest {

    private static final int ROUNDS = 10, PER_ROUND = 2_000, WINDOW = 3;
    private static final long ALLOWED_GROWTH_KB = 40 * 1024;

    @TempDir
    Path models;

    @Test
    void onnxRuntimeResidentMemoryStaysFlatOver20000Predictions() throws Exception {
        TestModels.nchwLogits("mem-onnx", "1.0.0").writeTo(models);
        assertFlat(TestModels.config(models, List.of("mem-onnx"), 1, 8, 64));
    }

    @Test
    void pytorchResidentMemoryStaysFlatOver20000Predictions() throws Exception {
        try (PyTorchParamsModel ignored = PyTorchParamsModel.create(models, "mem-pt")) {
            assertFlat(TestModels.config(models, List.of("mem-pt"), "PyTorch", 1, 8, 64));
        }
    }

    private static void assertFlat(EngineConfig config) throws Exception {
        try (DjlRecognizer recognizer = DjlRecognizer.open(config)) {
            run(recognizer, PER_ROUND);
            List<Long> samples = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                run(recognizer, PER_ROUND);
                System.gc();
                samples.add(residentKb());
            }
            long early = samples.subList(0, WINDOW).stream().mapToLong(Long::longValue).max().orElseThrow();
            long late = samples.subList(ROUNDS - WINDOW, ROUNDS).stream().mapToLong(Long::longValue).max()
                    .orElseThrow();
            assertTrue(late - early < ALLOWED_GROWTH_KB, config.engine() + ": VmRSS peaks rose from " + early
                    + " kB to " + late + " kB; samples " + samples);
        }
    }

    private static void run(DjlRecognizer recognizer, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            float[] pixels = SUBSET.images().digit(i % SUBSET.count()).pixels();
            recognizer.recognize(RecognitionRequest.digit(new Input.Pixels(pixels)));
        }
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
