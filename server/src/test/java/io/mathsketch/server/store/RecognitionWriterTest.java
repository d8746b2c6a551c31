package io.mathsketch.server.store;

import io.helidon.metrics.api.Metrics;
import io.mathsketch.engine.Recognition;
import io.mathsketch.server.observe.OutOfMemoryWatch;
import io.mathsketch.server.observe.StoreMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group commit's byte bound: a slow disk holds requests back and answers "not stored", never queues more. */
class RecognitionWriterTest {

    private static final int ORIGINAL = 100_000;
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A database whose commits wait until the test lets them through. */
    private static final class SlowDisk implements RecognitionWriter.Rows {
        final CountDownLatch open = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        final ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();

        @Override
        public void insertAll(List<RecognitionRecord> records) {
            writing.countDown();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            records.forEach(r -> written.add(r.id()));
        }
    }

    @Test
    void aRowBeyondTheByteBudgetWaitsForRoomAndIsNotStoredWhenNoneComes() throws Exception {
        SlowDisk disk = new SlowDisk();
        int budget = 3 * RecognitionWriter.rowBytes(row("x"));
        try (RecognitionWriter writer = writer(disk, budget)) {
            CompletableFuture<Boolean> first = storeAsync(writer, row("first"), WAIT);
            assertTrue(disk.writing.await(5, TimeUnit.SECONDS), "the writer takes the first row");
            CompletableFuture<Boolean> second = storeAsync(writer, row("second"), WAIT);
            awaitWaiting(writer, 1);
            CompletableFuture<Boolean> third = storeAsync(writer, row("third"), WAIT);
            awaitWaiting(writer, 2);
            // The first row is being written and two wait: the budget is spent, so a fourth is held back and, when
            // its timeout passes with the disk still stuck, answered as not stored.
            assertFalse(writer.store(row("fourth"), Duration.ofMillis(300)));

            disk.open.countDown();
            assertTrue(first.get(5, TimeUnit.SECONDS));
            assertTrue(second.get(5, TimeUnit.SECONDS));
            assertTrue(third.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("first", "second", "third"), List.copyOf(disk.written),
                    "every row answered as stored is written, the one answered as not stored never is");
        }
    }

    @Test
    void aHeldBackRowIsStoredOnceRoomComesWithinItsTimeout() throws Exception {
        SlowDisk disk = new SlowDisk();
        int budget = 2 * RecognitionWriter.rowBytes(row("x"));
        try (RecognitionWriter writer = writer(disk, budget)) {
            CompletableFuture<Boolean> first = storeAsync(writer, row("first"), WAIT);
            assertTrue(disk.writing.await(5, TimeUnit.SECONDS));
            CompletableFuture<Boolean> second = storeAsync(writer, row("second"), WAIT);
            awaitWaiting(writer, 1);
            CompletableFuture<Boolean> third = storeAsync(writer, row("third"), WAIT);
            awaitWaiting(writer, 2);
            assertFalse(third.isDone(), "no room: the third row waits");

            disk.open.countDown();
            assertTrue(first.get(5, TimeUnit.SECONDS));
            assertTrue(second.get(5, TimeUnit.SECONDS));
            assertTrue(third.get(5, TimeUnit.SECONDS), "room came within its timeout");
            assertEquals(3, disk.written.size());
        }
    }

    @Test
    void aQueuedRowIsAnsweredNotStoredAtItsDeadlineAndNeverWrittenLater() throws Exception {
        SlowDisk disk = new SlowDisk();
        try (RecognitionWriter writer = writer(disk, 1 << 20)) {
            CompletableFuture<Boolean> first = storeAsync(writer, row("first"), WAIT);
            assertTrue(disk.writing.await(5, TimeUnit.SECONDS), "the writer takes the first row");
            // Room in the budget, so the second row is queued at once; the writer is stuck in the first row's
            // transaction, so only the deadline can answer it, while the disk is still stuck.
            CompletableFuture<Boolean> second = storeAsync(writer, row("second"), Duration.ofMillis(300));
            assertFalse(second.get(5, TimeUnit.SECONDS), "answered at its deadline, not when the disk comes back");
            assertFalse(first.isDone(), "the row in the transaction is still waited for");

            disk.open.countDown();
            assertTrue(first.get(5, TimeUnit.SECONDS));
            assertTrue(writer.store(row("third"), WAIT));
            assertEquals(List.of("first", "third"), List.copyOf(disk.written),
                    "the row answered as not stored was withdrawn from the queue, not written behind the answer");
        }
    }

    @Test
    void theSweeperOutlivesAFailureAndAnswersTheNextRowAtItsDeadline() throws Exception {
        SlowDisk disk = new SlowDisk();
        StoreMetrics failingOnce = new StoreMetrics(FailingCounters.failuresThrowOnce(Metrics.globalRegistry()));
        try (RecognitionWriter writer = new RecognitionWriter(disk, new DatabaseStatus(Duration.ofSeconds(1)),
                failingOnce, 256, 10_000, 1 << 20, new OutOfMemoryWatch())) {
            CompletableFuture<Boolean> first = storeAsync(writer, row("first"), WAIT);
            assertTrue(disk.writing.await(5, TimeUnit.SECONDS), "the writer is stuck in the first row's transaction");
            // Answered by the sweeper, whose count of it then throws.
            assertFalse(storeAsync(writer, row("second"), Duration.ofMillis(100)).get(5, TimeUnit.SECONDS));
            assertFalse(storeAsync(writer, row("third"), Duration.ofMillis(100)).get(5, TimeUnit.SECONDS),
                    "the sweeper still answers rows at their deadline");

            disk.open.countDown();
            assertTrue(first.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("first"), List.copyOf(disk.written));
        }
    }

    @Test
    void aRowQueuedWhileTheWriterClosesIsAnsweredNotStored() throws Exception {
        SlowDisk disk = new SlowDisk();
        disk.open.countDown();
        AtomicReference<RecognitionWriter> writer = new AtomicReference<>();
        // close() runs to its end (writer gone, queue drained) between the row's check for closing and its queueing.
        writer.set(new RecognitionWriter(disk, new DatabaseStatus(Duration.ofSeconds(1)),
                new StoreMetrics(Metrics.globalRegistry()), 256, 10_000, 1 << 20, new OutOfMemoryWatch(),
                () -> writer.get().close()));

        assertFalse(storeAsync(writer.get(), row("late"), WAIT).get(5, TimeUnit.SECONDS),
                "answered, as not stored, rather than left waiting for a writer that is gone");
        assertEquals(List.of(), List.copyOf(disk.written));
    }

    @Test
    void aRowLargerThanTheWholeBudgetIsStillStored() throws Exception {
        SlowDisk disk = new SlowDisk();
        disk.open.countDown();
        try (RecognitionWriter writer = writer(disk, 65_536)) {
            assertTrue(writer.store(row("big"), WAIT));
            assertTrue(writer.store(row("next"), WAIT), "its bytes were given back");
        }
    }

    @Test
    void aRowCountsItsOriginalAndInputs() {
        assertEquals(1024 + 784 + ORIGINAL, RecognitionWriter.rowBytes(row("x")));
    }

    private static RecognitionWriter writer(SlowDisk disk, int budget) {
        return new RecognitionWriter(disk, new DatabaseStatus(Duration.ofSeconds(1)),
                new StoreMetrics(Metrics.globalRegistry()), 256, 10_000, budget, new OutOfMemoryWatch());
    }

    private static CompletableFuture<Boolean> storeAsync(RecognitionWriter writer, RecognitionRecord record,
                                                         Duration timeout) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                answer.complete(writer.store(record, timeout));
            } catch (InterruptedException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /**
     * Waits until {@code rows} rows are queued or held back, so the next one started queues behind them. Polled
     * without a time limit: a condition, not a guess of how long starting a thread takes under load.
     */
    private static void awaitWaiting(RecognitionWriter writer, int rows) throws InterruptedException {
        while (writer.waiting() < rows) {
            Thread.sleep(1);
        }
    }

    private static RecognitionRecord row(String id) {
        return new RecognitionRecord(id, Instant.now(), "digit", "7", 0.9, List.of("7"), List.of(),
                new byte[784], Optional.of(new byte[ORIGINAL]), Optional.of("image/png"),
                new Recognition.ModelRef("m", "1"), "e", "cpu", new Recognition.Timings(0, 0, 0, 0),
                Optional.empty(), Optional.empty());
    }
}
