package io.mathsketch.server.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-off from a store's inserts to its retention job. */
class GrownHoldersTest {

    @Test
    void nothingIsRecordedUntilAJobWatches() {
        GrownHolders grown = new GrownHolders();
        grown.add(List.of("a"));
        assertEquals(new GrownHolders.Drained(Set.of(), false), grown.drain());
        grown.watch();
        grown.add(List.of("a", "b"));
        grown.add(List.of("b", ""));
        assertEquals(new GrownHolders.Drained(Set.of("a", "b", ""), false), grown.drain());
        assertEquals(new GrownHolders.Drained(Set.of(), false), grown.drain(), "a drain takes them");
    }

    /** Beyond its limit the set is dropped and the next drain asks for a full scan; then it records again. */
    @Test
    void tooManyAtOnceAsksForAFullScan() {
        GrownHolders grown = new GrownHolders();
        grown.watch();
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= GrownHolders.LIMIT; i++) {
            many.add("owner-" + i);
        }
        grown.add(many);
        GrownHolders.Drained drained = grown.drain();
        assertTrue(drained.overflowed());
        assertTrue(drained.holders().size() <= GrownHolders.LIMIT, "bounded: " + drained.holders().size());
        grown.add(List.of("later"));
        assertEquals(new GrownHolders.Drained(Set.of("later"), false), grown.drain());
    }

    /** Writers adding while the job drains: every holder added turns up in one drain or another. */
    @Test
    void noHolderAddedDuringADrainIsLost() throws Exception {
        GrownHolders grown = new GrownHolders();
        grown.watch();
        int writers = 4;
        int each = GrownHolders.LIMIT / writers; // never more than the limit in all: no overflow may drop any
        CountDownLatch start = new CountDownLatch(1);
        Set<String> seen = new HashSet<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        grown.add(List.of(writer + "-" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            int drains = 0;
            while (done.stream().anyMatch(f -> !f.isDone())) {
                GrownHolders.Drained drained = grown.drain();
                assertFalse(drained.overflowed());
                assertTrue(seen.stream().noneMatch(drained.holders()::contains) || drained.holders().isEmpty(),
                        "each add is drained once");
                seen.addAll(drained.holders());
                drains++;
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
            GrownHolders.Drained last = grown.drain();
            assertFalse(last.overflowed());
            seen.addAll(last.holders());
            assertEquals(writers * each, seen.size(), "every holder added was drained (" + drains + " drains)");
        }
    }
}
