package io.mathsketch.engine.inference;

import ai.djl.inference.Predictor;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.image.DigitImage;


import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * One inference thread with its own {@link Predictor} (predictors are not thread-safe). It warms up on every batch
 * size it may run, then serves batches from the {@link BatchCollector} until the collector is closed and drained, and
 * finally closes its predictor. A failed batch is retried request by request, so one bad input fails only itself.
 */
final class InferenceWorker implements Runnable {

    private static final System.Logger LOG = System.getLogger(InferenceWorker.class.getName());

    private final String model;
    private final Predictor<DigitBatch, float[][]> predictor;
    private final BatchCollector collector;
    private final int maxBatchSize;
    private final InferenceListener listener;
    private final WarmUp warmUp;

    InferenceWorker(String model, Predictor<DigitBatch, float[][]> predictor, BatchCollector collector,
                    int maxBatchSize, InferenceListener listener, WarmUp warmUp) {
        this.model = model;
        this.predictor = predictor;
        this.collector = collector;
        this.maxBatchSize = maxBatchSize;
        this.listener = listener;
        this.warmUp = warmUp;
    }

    @Override
    public void run() {
        try (predictor) {
            if (!warmUp()) {
                return;
            }
            while (true) {
                List<InferenceJob> batch = collector.next();
                if (batch.isEmpty()) {
                    return;
                }
                try {
                    serve(batch);
                } catch (RuntimeException | Error e) {
                    // Whatever escapes (a bug, an OutOfMemoryError), no caller of this batch may wait forever.
                    for (InferenceJob job : batch) {
                        job.result().completeExceptionally(new RecognitionException.InferenceFailed(
                                "inference worker of model '" + model + "' failed: " + e, e));
                    }
                    if (e instanceof Error) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Batch sizes a worker may run: powers of two up to the maximum, and the maximum itself. */
    static List<Integer> warmUpSizes(int maxBatchSize) {
        List<Integer> sizes = new ArrayList<>();
        for (int n = 1; n < maxBatchSize; n *= 2) {
            sizes.add(n);
        }
        sizes.add(maxBatchSize);
        return sizes;
    }

    private boolean warmUp() {
        try {
            for (int n : warmUpSizes(maxBatchSize)) {
                List<DigitImage> blank = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    blank.add(new DigitImage(new float[DigitImage.SIZE]));
                }
                predictor.predict(new DigitBatch(blank));
            }
            warmUp.done();
            return true;
        } catch (Exception | LinkageError e) {
            warmUp.failed(e);
            return false;
        }
    }

    private void serve(List<InferenceJob> batch) {
        List<DigitImage> digits = new ArrayList<>();
        for (InferenceJob job : batch) {
            digits.addAll(job.digits().digits());
        }
        long start = System.nanoTime();
        float[][] rows;
        try {
            rows = predictor.predict(new DigitBatch(digits));
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            // Even a heap failure only fails these requests (their callers see it as the cause): a dead worker
            // would leave every later request of this model waiting forever.
            if (batch.size() > 1) {
                LOG.log(Level.WARNING, "batch of " + batch.size() + " requests failed on model '" + model
                        + "', retrying them one by one", e);
                for (InferenceJob job : batch) {
                    serve(List.of(job));
                }
            } else {
                batch.getFirst().result().completeExceptionally(new RecognitionException.InferenceFailed(
                        "inference failed on model '" + model + "': " + e.getMessage(), e));
            }
            return;
        }
        long inferenceNanos = System.nanoTime() - start;
        listener.onBatch(model, digits.size(), batch.size(), inferenceNanos);
        int offset = 0;
        for (InferenceJob job : batch) {
            float[][] mine = new float[job.size()][];
            System.arraycopy(rows, offset, mine, 0, job.size());
            offset += job.size();
            job.result().complete(new InferenceResult(mine, job.queueNanos(), inferenceNanos, digits.size()));
        }
    }
}
