package io.mathsketch.server.api;

import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap that request bodies being received take, bounded across requests ({@code server.max-body-bytes-in-flight}):
 * the HTTP counterpart of the engine's {@code DecodeBudget}. A request reserves bytes as its buffer grows with the
 * bytes that actually arrived, never from the declared length, so a client that declares a large body and sends it
 * slowly holds only what it sent. A request that cannot get its share within {@link #WAIT} is refused 503
 * {@code overloaded}: a flood of bodies is refused instead of filling the heap. One budget per server.
 *
 * <p>Where addresses are rate-limited ({@code rate-limit.per-address}), the bodies of one address (its key, as the
 * rate limits count it) may hold at most {@link #ADDRESS_SHARE_PERCENT} of it together, beyond which its further
 * bodies are refused at once: 2,500 connections from one address, each having sent 40 KB of a body and then nothing,
 * held the whole budget until the idle timeout closed them (30 s), and every image upload of others was refused
 * {@code overloaded} meanwhile. A body alone always proceeds.
 */
public final class BodyBudget {

    /** How long a request waits for others to give bytes back before it is refused as overloaded. */
    static final Duration WAIT = Duration.ofSeconds(1);

    /** The part of the budget the bodies of one address may hold together, in percent. */
    public static final int ADDRESS_SHARE_PERCENT = 50;

    private final int capacity;
    private final int addressSharePercent;
    private final long addressShare;
    private final Semaphore free;
    /** Bytes held per address key; only addresses holding something are kept. */
    private final Map<String, Long> byAddress = new HashMap<>();

    /**
     * @param addressSharePercent the part of the budget one address's bodies may hold together
     *                            ({@link #ADDRESS_SHARE_PERCENT} where addresses are rate-limited, 100 for none)
     */
    public BodyBudget(int capacity, int addressSharePercent) {
        this.capacity = capacity;
        this.addressSharePercent = addressSharePercent;
        this.addressShare = (long) capacity * addressSharePercent / 100;
        this.free = new Semaphore(capacity);
    }

    /**
     * An empty reservation for one body from {@code address} (empty: a request the rate limits did not see, counted
     * in the budget only); close it when the body is no longer being received.
     */
    Reservation open(Optional<String> address) {
        return new Reservation(addressShare < capacity ? address.orElse(null) : null);
    }

    /** Bytes the bodies of this address key hold now. */
    long heldBy(String address) {
        synchronized (byAddress) {
            return byAddress.getOrDefault(address, 0L);
        }
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
        private final String address;
        private int held;

        private Reservation(String address) {
            this.address = address;
        }

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
            takeFromAddress(more);
            boolean granted;
            try {
                granted = free.tryAcquire(more, WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                granted = false;
            }
            if (!granted) {
                giveToAddress(more);
                throw ProblemException.closing(ProblemType.OVERLOADED, "the server is receiving too many request bodies"
                        + " at once (server.max-body-bytes-in-flight); retry later");
            }
            held = total;
        }

        /** Counts {@code more} bytes to the address, unless its other bodies would then hold more than its share. */
        private void takeFromAddress(int more) {
            if (address == null) {
                return;
            }
            synchronized (byAddress) {
                long current = byAddress.getOrDefault(address, 0L);
                long others = current - held;
                if (others > 0 && current + more > addressShare) {
                    throw ProblemException.closing(ProblemType.OVERLOADED, "this address's request bodies being"
                            + " received hold " + current + " of the " + addressShare + " bytes one address may hold"
                            + " (" + addressSharePercent + "% of server.max-body-bytes-in-flight); retry later");
                }
                byAddress.put(address, current + more);
            }
        }

        private void giveToAddress(long bytes) {
            if (address == null || bytes <= 0) {
                return;
            }
            synchronized (byAddress) {
                byAddress.computeIfPresent(address, (a, current) -> current == bytes ? null : current - bytes);
            }
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
                giveToAddress(held - total);
                held = total;
            }
        }

        @Override
        public void close() {
            shrinkTo(0);
        }
    }
}
