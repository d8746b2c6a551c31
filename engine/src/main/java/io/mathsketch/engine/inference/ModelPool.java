package io.mathsketch.engine.inference;

import ai.djl.inference.Predictor;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.LoadedModel;
import io.mathsketch.engine.model.ModelManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One loaded model served by {@code workers} platform threads (JNI calls would pin virtual-thread carriers), each
 * with its own predictor, fed from one bounded queue with dynamic batching. {@link #close()} stops intake, lets the
 * workers drain what is queued, then closes predictors and the model: no accepted request is dropped.
 */
public final class ModelPool implements AutoCloseable {

    private final LoadedModel model;
    private final BatchCollector collector;
    private final List<Thread> threads = new ArrayList<>();
    private final WarmUp warmUp;
    private final InferenceListener listener;
    private final int workers;
    private final int maxBatchSize;
    /** Submitters hold the read lock, close takes the write lock: nothing is queued after the workers may exit. */
    private final ReadWriteLock intake = new ReentrantReadWriteLock();
    private boolean closed;

    private ModelPool(LoadedModel model, EngineConfig config, InferenceListener listener) {
        this.model = model;
        this.listener = listener;
        this.workers = config.workers();
        Batching batching = config.batching();
        this.maxBatchSize = batching.maxBatchSize();
        this.collector = new BatchCollector(batching.queueCapacity(), maxBatchSize, batching.maxDelay(),
                batching.arrivalWait());
        this.warmUp = new WarmUp(workers);
    }

    /**
     * Starts the workers of {@code model} and waits until each has warmed up. Takes ownership of the model: it is
     * closed by {@link #close()}, or right away when start-up fails.
     */
    public static ModelPool start(LoadedModel model, EngineConfig config, InferenceListener listener)
            throws ModelLoadException {
        ModelPool pool = new ModelPool(model, config, GuardedListener.of(listener));
        String name = model.manifest().name();
        try {
            for (int i = 0; i < pool.workers; i++) {
                Predictor<DigitBatch, float[][]> predictor = model.model().newPredictor();
                InferenceWorker worker = new InferenceWorker(name, predictor, pool.collector, pool.maxBatchSize,
                        pool.listener, pool.warmUp);
                pool.threads.add(Thread.ofPlatform().name("infer-" + name + "-" + i).daemon(true).start(worker));
            }
            Throwable failure = pool.warmUp.await();
            if (failure != null) {
                pool.close();
                throw new ModelLoadException("model '" + name + "' failed its warm-up inference on "
                        + model.engine() + ": " + failure.getMessage(), failure);
            }
            return pool;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.close();
            throw new ModelLoadException("interrupted while warming up model '" + name + "'", e);
        } catch (RuntimeException e) {
            pool.close();
            throw new ModelLoadException("cannot start workers for model '" + name + "': " + e.getMessage(), e);
        }
    }

    public ModelManifest manifest() {
        return model.manifest();
    }

    public LoadedModel model() {
        return model;
    }

    /** True once every worker has warmed up, until closed. */
    public boolean ready() {
        return warmUp.isDone() && !isClosed();
    }

    /** Announces a request about to be preprocessed for this model (see {@link BatchCollector#announce()}). */
    public BatchCollector.Arrival announce() {
        return collector.announce();
    }

    /**
     * Queues the digits of one recognition.
     *
     * @return the future answer, or empty when this pool is closed (the model was reloaded: retry on the new one)
     * @throws RecognitionException.Overloaded when the queue is full
     */
    public Optional<CompletableFuture<InferenceResult>> submit(DigitBatch digits)
            throws RecognitionException.Overloaded {
        InferenceJob job = new InferenceJob(digits);
        intake.readLock().lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            if (!collector.offer(job)) {
                listener.onRejected(model.manifest().name());
                throw new RecognitionException.Overloaded(model.manifest().name());
            }
            return Optional.of(job.result());
        } finally {
            intake.readLock().unlock();
        }
    }

    public ModelInfo info(boolean isDefault) {
        return model.folder().info(model.engine(), model.device().toString(), isDefault, workers, maxBatchSize);
    }

    /** Stops intake, serves everything already queued, then frees predictors and the model. Idempotent. */
    @Override
    public void close() {
        intake.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            intake.writeLock().unlock();
        }
        collector.close();
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        model.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isClosed() {
        intake.readLock().lock();
        try {
            return closed;
        } finally {
            intake.readLock().unlock();
        }
    }
}
