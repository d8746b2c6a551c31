package io.mathsketch.engine.inference;

import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InvalidConfigException;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.model.LinearOnnxModel;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;
import io.mathsketch.engine.image.DigitImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.mathsketch.engine.inference.TestModels.FITTED;
import static io.mathsketch.engine.inference.TestModels.SUBSET;
import static io.mathsketch.engine.inference.TestModels.config;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model someone else trained is served by writing only its manifest; answers match an independent Java oracle. */
class DjlRecognizerTest {

    @TempDir
    Path models;

    @ParameterizedTest
    @CsvSource({
            "FLAT, PROBABILITIES, DARK_ON_LIGHT, 0.5, 0.5, true",
            "NCHW, LOGITS, LIGHT_ON_DARK, 0.1307, 0.3081, false",
            "NHWC, LOGITS, DARK_ON_LIGHT, 0.5, 0.5, true"})
    void foreignModelAnswersExactlyWhatItsWeightsPredict(Layout layout, OutputKind kind, InkPolarity polarity,
                                                         float mean, float std, boolean externalData)
            throws Exception {
        LinearOnnxModel model = LinearOnnxModel.classMeans(SUBSET, FITTED, "foreign", "0.1.0", layout, kind,
                polarity, mean, std, externalData);
        model.writeTo(models);
        int correct = 0, n = 300;
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("foreign"), 1, 8, 64))) {
            for (int i = FITTED; i < FITTED + n; i++) {
                DigitImage digit = SUBSET.images().digit(i);
                Recognition r = recognizer.recognize(RecognitionRequest.digit(new Input.Pixels(digit.pixels())));
                DigitReading reading = r.digits().getFirst();
                assertEquals(Integer.toString(model.predict(digit)), r.text(), "digit " + i);
                assertArrayEquals(model.probabilities(digit), reading.probabilities(), 1e-4f, "digit " + i);
                correct += reading.label().equals(Integer.toString(SUBSET.labels().label(i))) ? 1 : 0;
            }
        }
        // Nearest class mean reads roughly 80 % of MNIST: far above chance, so the conventions are right.
        assertTrue(correct > 0.7 * n, "accuracy " + correct + "/" + n);
    }

    @Test
    void modelsAreAddressedByNameOrNameAndVersionWithTheFirstAsDefault() throws Exception {
        TestModels.flatProbabilities("first", "1.0.0").writeTo(models);
        LinearOnnxModel second = TestModels.nchwLogits("second", "2.1.0");
        Path secondDir = second.writeTo(models);
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("first", "second"), 1, 4, 16))) {
            List<ModelInfo> infos = recognizer.models();
            assertEquals(List.of("first", "second"), infos.stream().map(ModelInfo::name).toList());
            assertTrue(infos.get(0).isDefault());
            assertFalse(infos.get(1).isDefault());
            assertEquals("OnnxRuntime", infos.get(1).engine());
            assertEquals("cpu()", infos.get(1).device());
            assertEquals(LinearOnnxModel.sha256(secondDir.resolve(second.onnxFile())),
                    infos.get(1).artifactSha256().get(second.onnxFile()));
            assertTrue(recognizer.ready());

            Input input = new Input.Pixels(SUBSET.images().digit(FITTED).pixels());
            assertEquals("first", recognizer.recognize(RecognitionRequest.digit(input)).model().name());
            Recognition bySecond = recognizer.recognize(
                    new RecognitionRequest(input, Optional.of("second:2.1.0"), RecognitionRequest.Mode.DIGIT));
            assertEquals(new Recognition.ModelRef("second", "2.1.0"), bySecond.model());
            assertThrows(RecognitionException.UnknownModel.class, () -> recognizer.recognize(
                    new RecognitionRequest(input, Optional.of("second:9.9.9"), RecognitionRequest.Mode.DIGIT)));
            assertThrows(RecognitionException.UnknownModel.class, () -> recognizer.recognize(
                    new RecognitionRequest(input, Optional.of("third"), RecognitionRequest.Mode.DIGIT)));
        }
    }

    @Test
    void expressionModeNeedsASymbolModelAndSaysSo() throws Exception {
        TestModels.nchwLogits("digits", "1.0.0").writeTo(models);
        DigitCanvas canvas = new DigitCanvas(300, 160);
        canvas.draw(SUBSET.images().digit(FITTED), 20, 20, 112);
        Input png = new Input.EncodedImage(canvas.png());
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("digits"), 1, 8, 16))) {
            RecognitionException.UnknownModel none = assertThrows(RecognitionException.UnknownModel.class,
                    () -> recognizer.recognize(new RecognitionRequest(png, Optional.empty(),
                            RecognitionRequest.Mode.EXPRESSION)));
            assertTrue(none.getMessage().contains("mathsketch-symbols"), none.getMessage());
            // Said as what is missing, not quoted as if the client had named a model of that name.
            assertEquals("no symbol model is loaded for expression mode: add mathsketch-symbols to engine.models",
                    none.getMessage());
            RecognitionException.UnsuitableModel digitsOnly = assertThrows(
                    RecognitionException.UnsuitableModel.class, () -> recognizer.recognize(new RecognitionRequest(
                            png, Optional.of("digits"), RecognitionRequest.Mode.EXPRESSION)));
            assertTrue(digitsOnly.getMessage().contains("digits"), digitsOnly.getMessage());
            assertThrows(RecognitionException.InvalidPixels.class, () -> recognizer.recognize(new RecognitionRequest(
                    new Input.Pixels(SUBSET.images().digit(FITTED).pixels()), Optional.of("digits"),
                    RecognitionRequest.Mode.EXPRESSION)));
        }
    }

    @Test
    void numberModeReadsItsDigitsFromTheCandidateBatchesAlone() throws Exception {
        LinearOnnxModel model = TestModels.nchwLogits("numbers", "1.0.0");
        model.writeTo(models);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        InferenceListener listener = new InferenceListener() {
            @Override
            public void onBatch(String name, int digits, int requests, long nanos) {
                batchSizes.add(digits);
            }
        };
        int[] picks = {FITTED + 3, FITTED + 7, FITTED + 11};
        DigitCanvas canvas = new DigitCanvas(400, 160);
        for (int k = 0; k < picks.length; k++) {
            canvas.draw(SUBSET.images().digit(picks[k]), 20 + k * 120, 20, 112);
        }
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("numbers"), 1, 8, 16), listener)) {
            batchSizes.clear();
            Recognition r = recognizer.recognize(new RecognitionRequest(new Input.EncodedImage(canvas.png()),
                    Optional.empty(), RecognitionRequest.Mode.NUMBER));
            assertEquals(3, r.digits().size());
            // Every candidate grouping in batches no larger than the pool's (8), and no second call for the three
            // chosen digits: their probabilities are the scoring pass's.
            int candidates = batchSizes.stream().mapToInt(Integer::intValue).sum();
            assertTrue(!batchSizes.isEmpty() && batchSizes.stream().allMatch(n -> n <= 8), batchSizes.toString());
            assertEquals((candidates + 7) / 8, batchSizes.size(), "only the candidates' batches: " + batchSizes);
            assertTrue(candidates >= 3, batchSizes.toString());
            StringBuilder expected = new StringBuilder();
            List<Integer> lefts = new ArrayList<>();
            for (DigitReading reading : r.digits()) {
                expected.append(model.predict(reading.input()));
                lefts.add(reading.box().x());
            }
            assertEquals(expected.toString(), r.text());
            assertEquals(lefts.stream().sorted().toList(), lefts, "digits are read left to right");
        }
    }

    @Test
    void pixelInputIsRefusedInNumberModeAndValidatedInDigitMode() throws Exception {
        TestModels.nchwLogits("px", "1.0.0").writeTo(models);
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("px"), 1, 4, 16))) {
            float[] valid = SUBSET.images().digit(FITTED).pixels();
            assertThrows(RecognitionException.InvalidPixels.class, () -> recognizer.recognize(new RecognitionRequest(
                    new Input.Pixels(valid), Optional.empty(), RecognitionRequest.Mode.NUMBER)));
            assertThrows(RecognitionException.InvalidPixels.class, () -> recognizer.recognize(
                    RecognitionRequest.digit(new Input.Pixels(new float[783]))));
            float[] nan = valid.clone();
            nan[100] = Float.NaN;
            assertThrows(RecognitionException.InvalidPixels.class, () -> recognizer.recognize(
                    RecognitionRequest.digit(new Input.Pixels(nan))));
        }
    }

    @Test
    void openFailsWithTheFixWhenAnArtifactWasTamperedWith() throws Exception {
        LinearOnnxModel model = TestModels.flatProbabilities("tampered", "1.0.0");
        Path dir = model.writeTo(models);
        byte[] data = Files.readAllBytes(dir.resolve(model.dataFile()));
        data[17] ^= 1;
        Files.write(dir.resolve(model.dataFile()), data);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> DjlRecognizer.open(config(models, List.of("tampered"), 1, 4, 16)));
        assertTrue(e.getMessage().contains(model.dataFile()), e.getMessage());
        assertTrue(e.getMessage().contains(LinearOnnxModel.sha256(dir.resolve(model.dataFile()))), e.getMessage());
    }

    @Test
    void anUnknownEngineIsRefusedNamingTheSupportedOnes() throws Exception {
        TestModels.flatProbabilities("m", "1.0.0").writeTo(models);
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> config(models, List.of("m"), "TensorFlow", 1, 4, 16));
        assertTrue(e.getMessage().contains("[OnnxRuntime, PyTorch]"), e.getMessage());
    }

    @Test
    void aModelFolderWithoutAnArtifactForTheEngineIsRefused() throws Exception {
        TestModels.flatProbabilities("onnx-only", "1.0.0").writeTo(models);
        EngineConfig pytorch = config(models, List.of("onnx-only"), "PyTorch", 1, 4, 16);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> DjlRecognizer.open(pytorch));
        assertTrue(e.getMessage().contains("no artifact for engine 'PyTorch'"), e.getMessage());
    }

    @Test
    void concurrentCallersEachGetTheAnswerToTheirOwnDigit() throws Exception {
        LinearOnnxModel model = TestModels.nchwLogits("busy", "1.0.0");
        model.writeTo(models);
        GatedListener listener = new GatedListener();
        int threads = 12, perThread = 150;
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("busy"), 2, 8, 4096), listener)) {
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = FITTED + t * perThread % 900;
                callers.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int k = 0; k < perThread; k++) {
                            DigitImage digit = SUBSET.images().digit(first + k);
                            Recognition r = recognizer.recognize(
                                    RecognitionRequest.digit(new Input.Pixels(digit.pixels())));
                            assertArrayEquals(model.probabilities(digit), r.digits().getFirst().probabilities(), 1e-4f);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread caller : callers) {
                caller.join();
            }
            assertEquals(List.of(), failures);
            int requests = listener.batches.stream().mapToInt(b -> b[1]).sum();
            assertEquals(threads * perThread, requests, "every request ran exactly once");
        }
    }

    @Test
    void reloadDuringTrafficDropsNothingAndReverifiesTheFolder() throws Exception {
        LinearOnnxModel model = TestModels.flatProbabilities("live", "1.0.0");
        Path dir = model.writeTo(models);
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("live"), 2, 8, 4096))) {
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int k = 0; !stop.get(); k++) {
                        DigitImage digit = SUBSET.images().digit(FITTED + (offset * 97 + k) % 900);
                        try {
                            Recognition r = recognizer.recognize(
                                    RecognitionRequest.digit(new Input.Pixels(digit.pixels())));
                            assertArrayEquals(model.probabilities(digit), r.digits().getFirst().probabilities(),
                                    1e-4f);
                            answered.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (int i = 0; i < 3; i++) {
                Thread.sleep(200);
                assertEquals("live", recognizer.reload("live").name());
            }
            Thread.sleep(200);
            stop.set(true);
            for (Thread caller : callers) {
                caller.join();
            }
            assertEquals(List.of(), failures);
            assertTrue(answered.get() > 0);

            Files.write(dir.resolve(model.onnxFile()), new byte[] {0}, StandardOpenOption.APPEND);
            assertThrows(ModelLoadException.class, () -> recognizer.reload("live"));
            DigitImage digit = SUBSET.images().digit(FITTED);
            assertEquals(Integer.toString(model.predict(digit)),
                    recognizer.recognize(RecognitionRequest.digit(new Input.Pixels(digit.pixels()))).text(),
                    "a failed reload keeps the old instance serving");
            assertThrows(RecognitionException.UnknownModel.class, () -> recognizer.reload("other"));
        }
    }

    @Test
    void requestsThatFailInPreprocessingAreNotWaitedFor() throws Exception {
        TestModels.nchwLogits("patient", "1.0.0").writeTo(models);
        EngineConfig base = config(models, List.of("patient"), 1, 4, 16);
        // A worker waits this long for announced requests: a failed one that stayed announced would stall the next.
        EngineConfig patient = EngineConfig.builder().modelsDirectory(base.modelsDirectory()).models(base.models())
                .workers(base.workers()).batching(Batching.builder().maxBatchSize(base.batching().maxBatchSize())
                        .queueCapacity(base.batching().queueCapacity()).arrivalWait(Duration.ofMinutes(1)).build())
                .build();
        try (DjlRecognizer recognizer = DjlRecognizer.open(patient)) {
            assertThrows(RecognitionException.InvalidPixels.class, () -> recognizer.recognize(
                    RecognitionRequest.digit(new Input.Pixels(new float[783]))));
            assertThrows(RecognitionException.class, () -> recognizer.recognize(
                    RecognitionRequest.digit(new Input.EncodedImage("not an image".getBytes()))));
            float[] valid = SUBSET.images().digit(FITTED).pixels();
            Recognition answer = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> recognizer.recognize(RecognitionRequest.digit(new Input.Pixels(valid))));
            assertEquals(1, answer.digits().size());
        }
    }

    @Test
    void afterCloseRequestsFailAsInferenceFailed() throws Exception {
        TestModels.nchwLogits("closing", "1.0.0").writeTo(models);
        DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("closing"), 1, 4, 16));
        recognizer.close();
        assertFalse(recognizer.ready());
        assertThrows(RecognitionException.InferenceFailed.class, () -> recognizer.recognize(
                RecognitionRequest.digit(new Input.Pixels(SUBSET.images().digit(0).pixels()))));
    }

    @Test
    void aFailingMetricsListenerNeverFailsARecognition() throws Exception {
        LinearOnnxModel model = TestModels.nchwLogits("observed", "1.0.0");
        model.writeTo(models);
        InferenceListener broken = new InferenceListener() {
            @Override
            public void onBatch(String name, int digits, int requests, long nanos) {
                throw new IllegalStateException("metrics backend down");
            }

            @Override
            public void onRecognition(String name, Recognition.Timings timings) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(models, List.of("observed"), 1, 4, 16), broken)) {
            DigitImage digit = SUBSET.images().digit(FITTED + 5);
            Recognition r = recognizer.recognize(RecognitionRequest.digit(new Input.Pixels(digit.pixels())));
            assertEquals(Integer.toString(model.predict(digit)), r.text());
            assertTrue(r.timings().inferenceNanos() > 0 && r.timings().totalNanos() >= r.timings().inferenceNanos());
        }
    }
}
