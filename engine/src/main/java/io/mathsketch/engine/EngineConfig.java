package io.mathsketch.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the engine is configured with, validated once at start-up. The server reads it from its config tree
 * (every key overridable by environment variable); the CLI and benchmarks build it directly.
 *
 * @param modelsDirectory folder holding one sub-folder per model ({@code models/<name>/manifest.json})
 * @param models names of the model folders to load; the first is the default
 * @param engine DJL engine name: {@code OnnxRuntime} (default) or {@code PyTorch}
 * @param device {@code cpu}, {@code gpu} or {@code auto}
 * @param workers inference workers (one predictor each) per model
 * @param intraOpThreads engine threads per inference call; workers x intraOpThreads should not exceed the cores
 * @param maxBatchSize largest batch a worker takes from the queue
 * @param maxBatchDelay how long a worker waits for more requests once it has one; zero never delays a lone request
 * @param arrivalWait how long a worker may wait for requests that are already being preprocessed when the queue runs
 *                    dry (load-aware batching: a lone request, with nothing else in flight, never waits)
 * @param queueCapacity requests waiting per model before new ones are rejected as overloaded
 * @param limits input limits
 */
public record EngineConfig(Path modelsDirectory, List<String> models, String engine, String device, int workers,
                           int intraOpThreads, int maxBatchSize, Duration maxBatchDelay, Duration arrivalWait,
                           int queueCapacity,
                           InputLimits limits) {

    /**
     * Default bound of the load-aware wait: a 28x28 request is preprocessed in tens of microseconds, a canvas in well
     * under a millisecond, and one larger batch saves tens of microseconds of inference per digit.
     */
    public static final Duration DEFAULT_ARRIVAL_WAIT = Duration.ofNanos(500_000);

    public EngineConfig {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("engine.models: at least one model folder name is required");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("engine.workers must be at least 1, was " + workers);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("engine.intra-op-threads must be at least 1, was " + intraOpThreads);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("engine.batching.max-batch-size must be at least 1, was " + maxBatchSize);
        }
        if (maxBatchDelay.isNegative()) {
            throw new IllegalArgumentException("engine.batching.max-delay must not be negative");
        }
        if (arrivalWait.isNegative()) {
            throw new IllegalArgumentException("engine.batching.arrival-wait must not be negative");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("engine.batching.queue-capacity must be at least 1, was " + queueCapacity);
        }
    }

    /** Defaults that run out of the box on a small CPU machine. */
    public static EngineConfig defaults(Path modelsDirectory, String model) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new EngineConfig(modelsDirectory, List.of(model), "OnnxRuntime", "cpu", Math.max(1, cores / 2), 1, 32,
                Duration.ZERO, DEFAULT_ARRIVAL_WAIT, 1024, InputLimits.DEFAULT);
    }

    /**
     * Input limits applied before any expensive work.
     *
     * @param maxPayloadBytes largest encoded image accepted
     * @param maxWidth largest declared width, checked from the header before decoding pixels
     * @param maxHeight largest declared height, checked from the header before decoding pixels
     */
    public record InputLimits(long maxPayloadBytes, int maxWidth, int maxHeight) {
        public static final InputLimits DEFAULT = new InputLimits(2L * 1024 * 1024, 4096, 4096);
    }
}
