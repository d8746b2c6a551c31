package io.mathsketch.server.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each address's share of the engine's decode budget ({@code limits.max-decoded-bytes-in-flight}): the bytes its
 * images being decoded hold together may not exceed {@code share}, so one address posting large images on many
 * connections leaves the rest of the budget to everyone else. Only addresses holding something are tracked, so the
 * table is bounded by the requests in flight.
 */
final class DecodeShares {

    private final long share;
    private final Map<String, Long> held = new HashMap<>();

    DecodeShares(long share) {
        this.share = share;
    }

    long share() {
        return share;
    }

    /** Reserves {@code bytes} for the address; empty when its images in flight leave too little of its share. */
    Optional<Reservation> reserve(String address, long bytes) {
        synchronized (held) {
            long current = held.getOrDefault(address, 0L);
            if (current + bytes > share) {
                return Optional.empty();
            }
            held.put(address, current + bytes);
        }
        return Optional.of(new Reservation(address, bytes));
    }

    /** Bytes the address's images hold now. */
    long held(String address) {
        synchronized (held) {
            return held.getOrDefault(address, 0L);
        }
    }

    /** One image's part of its address's share; closing it gives it back. */
    final class Reservation implements AutoCloseable {
        private final String address;
        private final long bytes;
        private boolean released;

        private Reservation(String address, long bytes) {
            this.address = address;
            this.bytes = bytes;
        }

        @Override
        public void close() {
            synchronized (held) {
                if (!released) {
                    released = true;
                    held.computeIfPresent(address, (a, current) -> current == bytes ? null : current - bytes);
                }
            }
        }
    }
}
