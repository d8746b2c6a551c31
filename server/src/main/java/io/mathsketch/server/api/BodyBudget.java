package io.mathsketch.server.api;

import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap that request bodies being received take, bounded across requests ({@code server.max-body-bytes-in-flight}):
 * the HTTP counterpart of the engine's {@code DecodeBudget}. A request reserves bytes as its buffer grows with the
 * bytes that actually arrived, never from the declared length, so a client that declares a large body and sends it
 * slowly holds only what it sent. A request that cannot get its share within {@link #WAIT} is refused 503
 * {@code overloaded}: a flood of bodies is refused instead of filling the heap. One budget per server.
 */
public final class BodyBudget {

    /** How long a request waits for others to give bytes back before it is refused as overloaded. */
    static final Duration WAIT = Duration.ofSeconds(1);

    private final int capacity;
    private final Semaphore free;

    public BodyBudget(int capacity) {
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    /** An empty reservation for one body; close it when the body is no longer being received. */
    Reservation open() {
        return new Reservation();
    }

    /** Bytes reserved by the bodies being received now. */
    public long inFlight() {
        return capacity - free.availablePermits();
    }

    public int capacity() {
        return capacity;
    }

    /** One body's share; it grows with the body's buffer and is given back, once, on close. */
    final class Reservation implements AutoCloseable {
        private int held;

        /**
         * Holds {@code total} bytes in all (more than now: the buffer grows).
         *
         * @throws ProblemException {@code overloaded} when the budget has no room for it within {@link #WAIT}
         */
        void growTo(int total) {
            int more = total - held;
            if (more <= 0) {
                return;
            }
            boolean granted;
            try {
                granted = free.tryAcquire(more, WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                granted = false;
            }
            if (!granted) {
                throw ProblemException.closing(ProblemType.OVERLOADED, "the server is receiving too many request bodies"
                        + " at once (server.max-body-bytes-in-flight); retry later");
            }
            held = total;
        }

        /**
         * Holds {@code total} bytes while a received body is taken apart (its copies: a JSON image's string, its
         * base64 and decoded bytes), or the whole budget when that is less: one request alone always proceeds,
         * while many at once wait for each other or are refused {@code overloaded} instead of filling the heap.
         */
        void holdWhileParsing(long total) {
            growTo((int) Math.min(total, capacity));
        }

        /** Gives back what is held beyond {@code total} bytes (an old buffer after its copy). */
        void shrinkTo(int total) {
            if (total < held) {
                free.release(held - total);
                held = total;
            }
        }

        @Override
        public void close() {
            shrinkTo(0);
        }
    }
}
