package io.mathsketch.server.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hand-off from a {@link RecognitionStore}'s inserts to its instance's {@link RetentionJob}: the holders (rows of
 * {@code owner_stored_bytes}, the empty string for rows without an owner) whose totals a committed insert raised since
 * the job last took them. Only a raised total can put a client over its share or among the largest holders, so the
 * job reads just these totals, by primary key, between its full scans (V9 dropped the {@code (bytes, owner)} index
 * that made a scan for "over its share" cheap and every insert dearer).
 * <p>
 * Thread-safe: any number of writers {@link #add}, one job {@link #drain}s. A holder added while a drain runs is
 * either in that drain or left for the next; none is lost. At most {@link #LIMIT} are held: beyond it (the job not
 * keeping up, or failing while the database is down) the set is dropped and the next drain says {@code overflowed},
 * which the job answers with a full scan. Nothing is recorded until a job {@linkplain #watch watches}, so a server
 * whose retention never runs holds nothing here.
 */
public final class GrownHolders {

    /** Holders kept between drains: ~64 bytes of key and ~50 of set entry each, so about 0.5 MB at most. */
    static final int LIMIT = 4_096;

    private final Set<String> holders = ConcurrentHashMap.newKeySet();
    /** The size of {@link #holders}, kept apart: a concurrent set's size() walks it. */
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private volatile boolean watched;

    /** From now on, {@link #add} records. */
    void watch() {
        watched = true;
    }

    /** Records holders whose totals a committed transaction raised. */
    void add(Collection<String> grown) {
        if (!watched) {
            return;
        }
        for (String holder : grown) {
            if (holders.add(holder) && size.incrementAndGet() > LIMIT) {
                // Set first, then emptied: a drain that sees the set emptied also sees the flag.
                overflowed.set(true);
                clear();
                return;
            }
        }
    }

    private void clear() {
        for (String holder : holders) {
            if (holders.remove(holder)) {
                size.decrementAndGet();
            }
        }
    }

    /** Takes every holder recorded since the last drain. */
    Drained drain() {
        boolean overflow = overflowed.getAndSet(false);
        Set<String> taken = new HashSet<>();
        for (String holder : holders) {
            // Removed one by one, counted only by whoever removed it: a writer's overflow may be emptying it too.
            if (holders.remove(holder)) {
                size.decrementAndGet();
                taken.add(holder);
            }
        }
        return new Drained(taken, overflow);
    }

    /**
     * @param holders those recorded since the last drain
     * @param overflowed whether some were dropped since the last drain (more than {@link #LIMIT} at once): only a full
     *                   scan finds them
     */
    record Drained(Set<String> holders, boolean overflowed) {
    }
}
