package io.mathsketch.engine.config;

import java.time.Duration;

/**
 * How each model's workers form batches: configuration section {@code engine.batching}.
 *
 * @param maxBatchSize largest batch a worker takes from the queue
 * @param maxDelay how long a worker waits for more requests once it has one; zero never delays a lone request
 * @param arrivalWait how long a worker may wait for requests that are already being preprocessed when the queue runs
 *                    dry (load-aware batching: a lone request, with nothing else in flight, never waits)
 * @param queueCapacity requests waiting per model before new ones are rejected as overloaded
 */
public record Batching(int maxBatchSize, Duration maxDelay, Duration arrivalWait, int queueCapacity) {

    public static final Key<Integer> MAX_BATCH_SIZE = Key.integer("max-batch-size", 32, 1, 4096);
    public static final Key<Duration> MAX_DELAY = Key.duration("max-delay", "0ms");
    /**
     * A 28x28 request is preprocessed in tens of microseconds, a canvas in well under a millisecond, and one larger
     * batch saves tens of microseconds of inference per digit.
     */
    public static final Key<Duration> ARRIVAL_WAIT = Key.duration("arrival-wait", "0.5ms");
    public static final Key<Integer> QUEUE_CAPACITY = Key.integer("queue-capacity", 1024, 1, 1_000_000);

    public Batching {
        MAX_BATCH_SIZE.check(maxBatchSize);
        MAX_DELAY.check(maxDelay);
        ARRIVAL_WAIT.check(arrivalWait);
        QUEUE_CAPACITY.check(queueCapacity);
    }

    /** Reads the section; absent keys take their defaults. */
    public static Batching from(ConfigValues values) {
        return new Batching(values.get(MAX_BATCH_SIZE), values.get(MAX_DELAY), values.get(ARRIVAL_WAIT),
                values.get(QUEUE_CAPACITY));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from every default. */
    public static final class Builder {
        private int maxBatchSize = MAX_BATCH_SIZE.defaultValue();
        private Duration maxDelay = MAX_DELAY.defaultValue();
        private Duration arrivalWait = ARRIVAL_WAIT.defaultValue();
        private int queueCapacity = QUEUE_CAPACITY.defaultValue();

        private Builder() {
        }

        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        public Builder arrivalWait(Duration arrivalWait) {
            this.arrivalWait = arrivalWait;
            return this;
        }

        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        public Batching build() {
            return new Batching(maxBatchSize, maxDelay, arrivalWait, queueCapacity);
        }
    }
}
