package io.mathsketch.engine.inference;

import ai.djl.Device;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.LinearOnnxModel;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.image.DigitImage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.mathsketch.engine.inference.TestModels.FITTED;
import static io.mathsketch.engine.inference.TestModels.SUBSET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queueing, batching, isolation and shutdown of one model's workers, made deterministic by holding the worker. */
class ModelPoolTest {

    @TempDir
    static Path models;
    private static LinearOnnxModel model;

    @BeforeAll
    static void writeModel() {
        EngineResolver.applyProcessSettings(1);
        model = TestModels.nchwLogits("pool", "1.0.0");
        model.writeTo(models);
    }

    private static ModelPool start(int workers, int maxBatchSize, int queueCapacity, InferenceListener listener)
            throws Exception {
        EngineConfig config = TestModels.config(models, List.of("pool"), workers, maxBatchSize, queueCapacity);
        ModelLoader loader = new ModelLoader("OnnxRuntime", Device.cpu(), 1);
        return ModelPool.start(loader.load(ModelFolder.open(models.resolve("pool"), "OnnxRuntime")), config,
                listener);
    }

    private static DigitImage digit(int k) {
        return SUBSET.images().digit(FITTED + k);
    }

    private static CompletableFuture<InferenceResult> submit(ModelPool pool, DigitImage digit) throws Exception {
        return pool.submit(new DigitBatch(List.of(digit))).orElseThrow();
    }

    /** Submits digit 0 and waits until the worker holds it: what is submitted next waits in the queue. */
    private static CompletableFuture<InferenceResult> holdWorker(ModelPool pool, GatedListener listener)
            throws Exception {
        listener.arm();
        CompletableFuture<InferenceResult> held = submit(pool, digit(0));
        listener.awaitHeld();
        return held;
    }

    private static void assertAnswer(DigitImage digit, CompletableFuture<InferenceResult> future) throws Exception {
        InferenceResult result = future.get(30, TimeUnit.SECONDS);
        assertArrayEquals(model.probabilities(digit), result.probabilities()[0], 1e-4f);
    }

    @Test
    void requestsWaitingBehindABusyWorkerGoIntoOneBatchAndEachGetsItsOwnAnswer() throws Exception {
        GatedListener listener = new GatedListener();
        try (ModelPool pool = start(1, 8, 32, listener)) {
            CompletableFuture<InferenceResult> first = holdWorker(pool, listener);
            List<CompletableFuture<InferenceResult>> waiting = new ArrayList<>();
            for (int k = 1; k <= 5; k++) {
                waiting.add(submit(pool, digit(k)));
            }
            listener.release();
            assertAnswer(digit(0), first);
            for (int k = 1; k <= 5; k++) {
                assertAnswer(digit(k), waiting.get(k - 1));
                assertEquals(5, waiting.get(k - 1).get().batchSize());
            }
            assertArrayEquals(new int[] {5, 5}, listener.batches.get(1), "5 digits from 5 requests in one call");
        }
    }

    @Test
    void aFullQueueRejectsAtOnceAndAcceptedRequestsStillFinish() throws Exception {
        GatedListener listener = new GatedListener();
        try (ModelPool pool = start(1, 1, 2, listener)) {
            CompletableFuture<InferenceResult> running = holdWorker(pool, listener);
            CompletableFuture<InferenceResult> q1 = submit(pool, digit(1));
            CompletableFuture<InferenceResult> q2 = submit(pool, digit(2));
            assertThrows(RecognitionException.Overloaded.class,
                    () -> pool.submit(new DigitBatch(List.of(digit(3)))));
            assertEquals(1, listener.rejections());
            listener.release();
            assertAnswer(digit(0), running);
            assertAnswer(digit(1), q1);
            assertAnswer(digit(2), q2);
        }
    }

    @Test
    void aBadMemberFailsAloneAndTheRestOfItsBatchIsAnswered() throws Exception {
        GatedListener listener = new GatedListener();
        try (ModelPool pool = start(1, 8, 32, listener)) {
            CompletableFuture<InferenceResult> first = holdWorker(pool, listener);
            float[] poisoned = new float[DigitImage.SIZE];
            poisoned[400] = Float.NaN;
            CompletableFuture<InferenceResult> good1 = submit(pool, digit(1));
            CompletableFuture<InferenceResult> bad = submit(pool, new DigitImage(poisoned));
            CompletableFuture<InferenceResult> good2 = submit(pool, digit(2));
            listener.release();
            assertAnswer(digit(0), first);
            assertAnswer(digit(1), good1);
            assertAnswer(digit(2), good2);
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
            assertInstanceOf(RecognitionException.InferenceFailed.class, e.getCause());
        }
    }

    @Test
    void closingDrainsEveryAcceptedRequestThenRefusesNewOnes() throws Exception {
        GatedListener listener = new GatedListener();
        ModelPool pool = start(1, 2, 16, listener);
        List<CompletableFuture<InferenceResult>> accepted = new ArrayList<>();
        accepted.add(holdWorker(pool, listener));
        for (int k = 1; k < 8; k++) {
            accepted.add(submit(pool, digit(k)));
        }
        Thread closer = Thread.ofPlatform().start(pool::close);
        while (pool.ready()) {
            Thread.onSpinWait();
        }
        assertTrue(pool.submit(new DigitBatch(List.of(digit(9)))).isEmpty(), "a closing pool takes no new work");
        assertTrue(closer.isAlive(), "close waits for the queued work");
        listener.release();
        closer.join(30_000);
        for (int k = 0; k < 8; k++) {
            assertAnswer(digit(k), accepted.get(k));
        }
    }
}
