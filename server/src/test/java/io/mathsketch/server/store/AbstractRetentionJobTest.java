package io.mathsketch.server.store;

import io.helidon.metrics.api.Metrics;
import io.mathsketch.server.config.RetentionSettings;
import io.mathsketch.server.observe.StoreMetrics;
import io.mathsketch.server.testing.TestDatabase;
import io.mathsketch.server.testing.TestServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention purge against a real database (one subclass per database): rows past {@code max-age} go, then the
 * oldest until the rest fit in {@code max-bytes}; the newest stay, and the metric counts what went.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRetentionJobTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final int ORIGINAL = 10_000;

    private TestDatabase testDatabase;
    private Database database;
    private RecognitionStore store;
    private StoreMetrics metrics;

    protected abstract TestDatabase createDatabase();

    @BeforeAll
    void open() {
        testDatabase = createDatabase();
        database = TestServer.openDatabase(testDatabase);
        store = new RecognitionStore(database);
        metrics = new StoreMetrics(Metrics.globalRegistry());
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
        testDatabase.close();
    }

    /** Each test starts from an empty table (which also checks that a purge can delete everything). */
    @BeforeEach
    void empty() {
        store.deleteOldest(Instant.parse("9999-12-31T23:59:59Z"), Long.MAX_VALUE, 3);
        assertEquals(0, store.totalBytes());
    }

    @Test
    void recognitionsOlderThanTheMaximumAgeAreDeleted() {
        List<String> ids = new ArrayList<>();
        for (int days : new int[] {45, 31, 29, 1, 0}) {
            ids.add(insert(NOW.minus(Duration.ofDays(days)), ORIGINAL));
        }
        long purgedBefore = metrics.rowsPurged();

        RecognitionStore.Purged purged = job(Duration.ofDays(30), 0).purge();

        assertEquals(2, purged.rows());
        assertTrue(purged.bytes() > 2 * ORIGINAL, "bytes of the two rows: " + purged.bytes());
        assertEquals(2, metrics.rowsPurged() - purgedBefore);
        assertEquals(List.of(false, false, true, true, true), ids.stream().map(id -> store.find(id).isPresent()).toList());
        assertEquals(RecognitionStore.Purged.NONE, job(Duration.ofDays(30), 0).purge(), "nothing left to purge");
    }

    @Test
    void theOldestGoUntilTheRestFitInTheMaximumBytes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(insert(NOW.minus(Duration.ofMinutes(10 - i)), ORIGINAL));
        }
        long rowBytes = store.totalBytes() / 8;
        assertTrue(rowBytes > ORIGINAL, "every row counts its original, pixels and texts: " + rowBytes);

        RecognitionStore.Purged purged = job(Duration.ZERO, 3 * rowBytes + rowBytes / 2).purge();

        assertEquals(5, purged.rows());
        assertEquals(5 * rowBytes, purged.bytes());
        assertTrue(store.totalBytes() <= 3 * rowBytes + rowBytes / 2);
        assertEquals(List.of(false, false, false, false, false, true, true, true),
                ids.stream().map(id -> store.find(id).isPresent()).toList(), "the newest are kept");
    }

    /** A user's delete takes the row and its bytes: retention's cap then counts only what is still kept. */
    @Test
    void deletingOneRecognitionTakesItsBytesFromTheTotal() throws SQLException {
        String kept = insert(NOW.minus(Duration.ofMinutes(2)), ORIGINAL);
        String deleted = insert(NOW.minus(Duration.ofMinutes(1)), ORIGINAL);
        long before = store.totalBytes();

        assertTrue(store.delete(deleted));

        assertTrue(store.find(deleted).isEmpty());
        assertTrue(store.find(kept).isPresent());
        assertEquals(before / 2, store.totalBytes());
        assertEquals(sumOfRows(), store.totalBytes());
        assertFalse(store.delete(deleted), "a second delete finds nothing and subtracts nothing");
        assertEquals(sumOfRows(), store.totalBytes());
    }

    /** A purge of several batches at the cap: exactly the oldest rows beyond it go, and the total follows. */
    @Test
    void aPurgeOfSeveralBatchesKeepsExactlyTheNewestThatFit() throws SQLException {
        int rows = 2 * RetentionJob.BATCH + 50;
        List<RecognitionRecord> records = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            records.add(row(NOW.minus(Duration.ofMinutes(rows - i)), ORIGINAL));
        }
        store.insertAll(records);
        long rowBytes = store.totalBytes() / rows;
        long purgedBefore = metrics.rowsPurged();

        RecognitionStore.Purged purged = job(Duration.ZERO, 40 * rowBytes + rowBytes / 2).purge();

        assertEquals(rows - 40, purged.rows());
        assertEquals(rows - 40, metrics.rowsPurged() - purgedBefore);
        assertEquals(40 * rowBytes, store.totalBytes());
        assertEquals(sumOfRows(), store.totalBytes());
        assertEquals(records.subList(rows - 40, rows).stream().map(RecognitionRecord::id).toList(), keptIds(),
                "the 40 newest are kept, the oldest went");
    }

    /**
     * Two instances keeping the cap every few milliseconds while rows arrive one at a time: a row is never deleted
     * before an older one, the newest row is there once its insert has returned, the total stays the rows' sum and
     * ends within the cap, and every deleted row is counted once.
     */
    @Test
    void twoInstancesKeepTheCapWhileRowsArrive() throws Exception {
        long rowBytes = rowBytes();
        long cap = 30 * rowBytes + rowBytes / 2;
        RetentionSettings atTheCap = new RetentionSettings(Duration.ZERO, cap, 0, Duration.ofMillis(5));
        long purgedBefore = metrics.rowsPurged();
        List<String> inserted = new ArrayList<>();
        try (Database other = TestServer.openDatabase(testDatabase)) {
            RecognitionStore second = new RecognitionStore(other);
            DatabaseStatus status = new DatabaseStatus(Duration.ofSeconds(1));
            try (RetentionJob one = RetentionJob.start(store, status, metrics, atTheCap);
                 RetentionJob two = RetentionJob.start(second, status, metrics, atTheCap)) {
                for (int i = 0; i < 200; i++) {
                    String id = insert(i % 2 == 0 ? store : second, NOW.minus(Duration.ofSeconds(200 - i)), ORIGINAL);
                    inserted.add(id);
                    assertTrue(store.find(id).isPresent(), "row " + i + " is within the cap: never purged");
                }
            }
            try (RetentionJob settle = new RetentionJob(second, status, metrics, atTheCap,
                    Clock.fixed(NOW, ZoneOffset.UTC))) {
                settle.purge(); // the last rows may have come after the jobs' last purge
            }
        }
        List<String> kept = keptIds();
        assertTrue(store.totalBytes() <= cap, "within the cap: " + store.totalBytes());
        assertEquals(sumOfRows(), store.totalBytes(), "the total equals the rows' sum");
        assertEquals(inserted.subList(inserted.size() - kept.size(), inserted.size()), kept,
                "what is kept is the newest rows: none deleted before an older one");
        assertEquals(inserted.size() - kept.size(), metrics.rowsPurged() - purgedBefore,
                "every deleted row counted once, by the instance that deleted it");
    }

    /** A closed job deletes nothing more: a purge under way stops after its batch instead of holding up a shutdown. */
    @Test
    void aClosedJobStopsPurging() {
        String old = insert(NOW.minus(Duration.ofDays(40)), ORIGINAL);
        RetentionJob job = new RetentionJob(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                new RetentionSettings(Duration.ofDays(30), 1, 0, Duration.ZERO), Clock.fixed(NOW, ZoneOffset.UTC));

        job.close();

        assertEquals(RecognitionStore.Purged.NONE, job.purge());
        assertTrue(store.find(old).isPresent());
    }

    /** What one row of {@link #row} holds, as the store counts it. */
    private long rowBytes() {
        long before = store.totalBytes();
        String id = insert(NOW.minus(Duration.ofDays(4000)), ORIGINAL);
        long bytes = store.totalBytes() - before;
        store.deleteOldest(NOW.minus(Duration.ofDays(3000)), Long.MAX_VALUE, 1);
        assertTrue(store.find(id).isEmpty());
        return bytes;
    }

    /** The ids still stored, oldest first. */
    private List<String> keptIds() {
        List<String> newestFirst = store.page(10_000, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()).items().stream().map(RecognitionRecord::id).toList();
        return newestFirst.reversed();
    }

    @Test
    void aZeroAgeAndZeroBytesKeepEverything() {
        insert(NOW.minus(Duration.ofDays(4000)), ORIGINAL);
        assertEquals(RecognitionStore.Purged.NONE, job(Duration.ZERO, 0).purge());
        assertEquals(1, store.page(10, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())
                .items().size());
    }

    @Test
    void theJobPurgesOnItsOwnEveryInterval() throws InterruptedException {
        String old = insert(Instant.now().minus(Duration.ofDays(40)), ORIGINAL);
        String recent = insert(Instant.now(), ORIGINAL);
        try (RetentionJob job = RetentionJob.start(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                new RetentionSettings(Duration.ofDays(30), 0, 0, Duration.ofMillis(50)))) {
            for (int i = 0; i < 200 && store.find(old).isPresent(); i++) {
                Thread.sleep(50);
            }
        }
        assertTrue(store.find(old).isEmpty(), "purged without being asked");
        assertTrue(store.find(recent).isPresent());
    }

    /**
     * The stored total is kept by the transactions themselves, so it stays the sum of the rows with two instances on
     * one database inserting and purging at once, both purges deleting the same oldest rows: each row is added once
     * and subtracted once, by whichever instance deleted it.
     */
    @Test
    void theTotalStaysTheSumOfTheRowsWithTwoInstancesWritingAndPurgingAtOnce() throws Exception {
        int oldRows = 40;
        for (int i = 0; i < oldRows; i++) {
            insert(store, NOW.minus(Duration.ofDays(60)).plusSeconds(i), ORIGINAL + i);
        }
        assertEquals(sumOfRows(), store.totalBytes());
        try (Database other = TestServer.openDatabase(testDatabase)) {
            RecognitionStore second = new RecognitionStore(other);
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<RecognitionStore.Purged>> work = new ArrayList<>();
            for (RecognitionStore instance : List.of(store, second)) {
                work.add(() -> {
                    start.await();
                    return instance.deleteOldest(NOW.minus(Duration.ofDays(30)), Long.MAX_VALUE, 7);
                });
                work.add(() -> {
                    start.await();
                    // Both instances create the same new holders at once, and add to the one the purges empty.
                    for (int i = 0; i < 20; i++) {
                        instance.insertAll(List.of(StoredRows.row(NOW.minusSeconds(i), ORIGINAL / 2 + i,
                                List.of("owner", "fresh-a", "fresh-b").get(i % 3))));
                    }
                    return RecognitionStore.Purged.NONE;
                });
            }
            try (ExecutorService threads = Executors.newFixedThreadPool(work.size())) {
                List<Future<RecognitionStore.Purged>> done = work.stream().map(threads::submit).toList();
                start.countDown();
                RecognitionStore.Purged purged = RecognitionStore.Purged.NONE;
                for (Future<RecognitionStore.Purged> result : done) {
                    purged = purged.plus(result.get(60, TimeUnit.SECONDS));
                }
                assertEquals(oldRows, purged.rows(), "every old row deleted, and counted by one instance only");
            }
            assertEquals(sumOfRows(), store.totalBytes(), "the total equals the rows' sum");
            assertEquals(sumsByOwner(), holderTotals(), "each client's total equals its rows' sum");
            assertEquals(store.totalBytes(), second.totalBytes(), "both instances read the same total");
            assertEquals(40, store.page(100, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())
                    .items().size());
        }
    }

    /**
     * A database that held recognitions before the totals existed starts with their sums (the V5 and V7 backfills).
     */
    @Test
    void theMigrationStartsTheTotalAtTheSumOfTheRowsAlreadyStored() throws SQLException {
        try (TestDatabase older = createDatabase()) {
            Flyway.configure().dataSource(older.url(), older.user(), older.password())
                    .locations("classpath:db/migration").target("4").load().migrate();
            try (Connection c = DriverManager.getConnection(older.url(), older.user(), older.password());
                 PreparedStatement insert = c.prepareStatement("INSERT INTO recognitions (id, created_at, mode,"
                         + " text, confidence, readings, input_pixels, model_name, model_version, engine, device,"
                         + " preprocess_nanos, queue_nanos, inference_nanos, postprocess_nanos, stored_bytes, owner)"
                         + " VALUES (?, CURRENT_TIMESTAMP, 'digit', '7', 0.9, '{}', ?, 'mnist-cnn', '1', 'e', 'cpu',"
                         + " 0, 0, 0, 0, ?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    insert.setString(1, new RecognitionIds().next(NOW));
                    insert.setBytes(2, new byte[1]);
                    insert.setLong(3, 1000 + i);
                    insert.setString(4, i == 0 ? null : "a".repeat(64)); // one row from before owners (V2)
                    insert.executeUpdate();
                }
            }
            try (Database migrated = TestServer.openDatabase(older)) {
                assertEquals(3003, new RecognitionStore(migrated).totalBytes());
                assertEquals(Map.of("", 1000L, "a".repeat(64), 2003L), holderTotals(older),
                        "the V7 backfill: each client's sum, the rows without an owner as one holder");
                assertEquals(sumsByOwner(older), holderTotals(older));
            }
        }
    }

    /** Whatever a test did, the totals it left are the rows' sums, the store's and each client's. */
    @AfterEach
    void theTotalsAreTheSumsOfTheRows() throws SQLException {
        assertEquals(sumOfRows(), store.totalBytes(), "the stored total");
        assertEquals(sumsByOwner(), holderTotals(), "each client's total (no row for a client without rows)");
    }

    /**
     * The reviewer's case: one client floods a store at its cap with large uploads; the victim's recognitions, older
     * than every one of the flood's, stay, and the flood loses its own oldest. Without a per-client share, the
     * largest holder goes first; with one, the flood never holds more than its share.
     */
    @Test
    void oneClientsFloodEvictsItsOwnOldestAndNoOneElses() {
        for (long share : new long[] {0, 1_000_000}) {
            String drawing = insertOwned(NOW.minus(Duration.ofDays(2)), ORIGINAL, "victim");
            String corrected = insertOwned(NOW.minus(Duration.ofDays(2)).plusSeconds(1), ORIGINAL, "victim");
            assertTrue(store.setFeedback(corrected, new RecognitionRecord.Feedback("1", NOW)));
            List<RecognitionRecord> flood = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                flood.add(StoredRows.row(NOW.minus(Duration.ofMinutes(40 - i)), 200_000, "attacker"));
            }
            store.insertAll(flood);
            long cap = 5_000_000;

            RecognitionStore.Purged purged = job(Duration.ZERO, cap, share).purge();

            assertTrue(store.find(drawing).isPresent(), "share " + share + ": the victim's drawing is kept");
            assertTrue(store.find(corrected).isPresent(), "share " + share + ": the victim's correction is kept");
            assertTrue(store.totalBytes() <= cap, "within the cap: " + store.totalBytes());
            long attackerKept = share > 0 ? share : cap - 2 * (ORIGINAL + 784);
            List<String> floodIds = flood.stream().map(RecognitionRecord::id).toList();
            List<String> kept = keptIds().stream().filter(floodIds::contains).toList();
            assertEquals(floodIds.subList(floodIds.size() - kept.size(), floodIds.size()), kept,
                    "share " + share + ": the flood lost its own oldest");
            assertTrue(kept.size() * 200_000L <= attackerKept, kept.size() + " flood rows kept");
            assertEquals(40 - kept.size(), purged.rows(), "only flood rows went");
            store.deleteOldest(Instant.parse("9999-12-31T23:59:59Z"), Long.MAX_VALUE, 100);
        }
    }

    /**
     * A client over its share loses its own oldest rows until it is within it, those it corrected last; clients
     * within theirs lose nothing, even when their rows are older.
     */
    @Test
    void aClientOverItsShareLosesItsOwnOldestCorrectedLast() {
        List<String> big = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            small.add(insertOwned(NOW.minus(Duration.ofHours(10 - i)), ORIGINAL, "small"));
        }
        for (int i = 0; i < 10; i++) {
            big.add(insertOwned(NOW.minus(Duration.ofMinutes(10 - i)), ORIGINAL, "big"));
        }
        assertTrue(store.setFeedback(big.getFirst(), new RecognitionRecord.Feedback("3", NOW)));
        long rowBytes = holderTotals().get("big") / 10;

        RecognitionStore.Purged purged = job(Duration.ZERO, 0, 4 * rowBytes + rowBytes / 2).purge();

        assertEquals(6, purged.rows());
        assertEquals(4 * rowBytes, holderTotals().get("big"));
        assertEquals(List.of(true, false, false, false, false, false, false, true, true, true),
                big.stream().map(id -> store.find(id).isPresent()).toList(),
                "the corrected oldest is kept, then the newest that fit; the uncorrected oldest went");
        assertTrue(small.stream().allMatch(id -> store.find(id).isPresent()), "a client within its share");
        assertEquals(RecognitionStore.Purged.NONE, job(Duration.ZERO, 0, 4 * rowBytes + rowBytes / 2).purge(),
                "nothing over its share is left");
    }

    /**
     * A batch reads a holder's oldest rows in growing chunks ({@link RecognitionStore#FIRST_READ} first) after the
     * last it read, instead of a whole batch's worth: a client over its share by more rows than a chunk still loses
     * exactly its oldest rows without a correction, as many per batch as the batch allows, and those with one only
     * when the others have all gone, the oldest first.
     */
    @Test
    void aClientOverItsShareByManyChunksLosesThemInAsFewBatches() {
        List<RecognitionRecord> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(StoredRows.row(NOW.minus(Duration.ofMinutes(60 - i)), 1_000, "chunked"));
        }
        store.insertAll(rows);
        List<String> ids = rows.stream().map(RecognitionRecord::id).toList();
        List<Integer> correctedAt = List.of(0, 9, 30, 59);
        for (int i : correctedAt) {
            assertTrue(store.setFeedback(ids.get(i), new RecognitionRecord.Feedback("2", NOW)));
        }
        long rowBytes = holderTotals().get("chunked") / 60;
        long share = 2 * rowBytes + rowBytes / 2;

        RecognitionStore.Batch first = store.deleteFromHoldersBatch(
                List.of(new RecognitionStore.HolderTotal("chunked", holderTotals().get("chunked"))), share, share,
                Long.MAX_VALUE, 25);
        assertEquals(25, first.purged().rows(), "a batch of 25 takes 25 rows");
        List<String> uncorrected = new ArrayList<>(ids);
        correctedAt.forEach(i -> uncorrected.remove(ids.get(i)));
        assertTrue(uncorrected.subList(0, 25).stream().noneMatch(id -> store.find(id).isPresent()),
                "the 25 oldest uncorrected went");
        assertTrue(uncorrected.subList(25, 56).stream().allMatch(id -> store.find(id).isPresent()), "no other");

        RecognitionStore.Batch second = store.deleteFromHoldersBatch(
                List.of(new RecognitionStore.HolderTotal("chunked", holderTotals().get("chunked"))), share, share,
                Long.MAX_VALUE, RetentionJob.BATCH);
        assertEquals(33, second.purged().rows(), "the 31 uncorrected left and the 2 oldest corrected, in one batch");
        assertEquals(List.of(ids.get(30), ids.get(59)), keptIds().stream().filter(ids::contains).toList(),
                "the newest corrected are kept");
        assertEquals(2 * rowBytes, holderTotals().get("chunked"));
        assertEquals(RecognitionStore.Purged.NONE, job(Duration.ZERO, 0, share).purge(), "within its share");
    }

    /**
     * Over the store's cap, the largest holders lose their oldest rows, down to the size of the next largest: with
     * 6, 4 and 1 rows and room for 7, the two largest keep their 3 newest each and the smallest keeps its one.
     */
    @Test
    void overTheCapTheLargestHoldersGoFirst() {
        Map<String, List<String>> ids = new java.util.TreeMap<>();
        int minute = 0;
        for (String owner : List.of("one", "four", "six")) {
            int count = switch (owner) {
                case "one" -> 1;
                case "four" -> 4;
                default -> 6;
            };
            for (int i = 0; i < count; i++) {
                ids.computeIfAbsent(owner, o -> new ArrayList<>())
                        .add(insertOwned(NOW.minus(Duration.ofMinutes(100 - minute++)), ORIGINAL, owner));
            }
        }
        long rowBytes = store.totalBytes() / 11;

        RecognitionStore.Purged purged = job(Duration.ZERO, 7 * rowBytes).purge();

        assertEquals(4, purged.rows());
        assertEquals(Map.of("one", rowBytes, "four", 3 * rowBytes, "six", 3 * rowBytes), holderTotals());
        assertTrue(store.find(ids.get("one").getFirst()).isPresent(), "the oldest row of all, its client's only one");
        for (String owner : List.of("four", "six")) {
            List<String> own = ids.get(owner);
            assertEquals(own.subList(own.size() - 3, own.size()), keptIds().stream().filter(own::contains).toList(),
                    owner + " keeps its newest");
        }
    }

    /**
     * Ids rotated to spread a flood over more holders than one batch reads: the victim, smaller than each of them,
     * keeps its rows while the flood's go, over several batches.
     */
    @Test
    void aFloodSpreadOverManyClientsGoesBeforeASmallerClient() {
        List<String> victim = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            victim.add(insertOwned(NOW.minus(Duration.ofDays(1)).plusSeconds(i), 1_000, "victim"));
        }
        int holders = 3 * RecognitionStore.HOLDERS_PER_BATCH;
        List<RecognitionRecord> flood = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            flood.add(StoredRows.row(NOW.minusSeconds(holders - i), 3 * ORIGINAL, "rotated-" + i));
        }
        store.insertAll(flood);
        long floodRow = holderTotals().get("rotated-0");
        long cap = store.totalBytes() - (holders - 5) * floodRow;

        RecognitionStore.Purged purged = job(Duration.ZERO, cap).purge();

        assertEquals(holders - 5, purged.rows(), "whole flood rows, one per holder, until the rest fit");
        assertTrue(victim.stream().allMatch(id -> store.find(id).isPresent()), "the smaller client keeps everything");
        assertEquals(cap, store.totalBytes());
    }

    /**
     * Between full scans the purge reads only the totals its store's inserts raised: a client this instance just put
     * over its share is trimmed at the very next purge, with the clock still where the first purge's full scan left
     * it (no second full scan is due). Fails if the hand-off from the inserts to the job is lost.
     */
    @Test
    void aClientPutOverItsShareIsTrimmedAtTheNextPurgeWithoutAFullScan() {
        insertOwned(NOW.minus(Duration.ofHours(2)), ORIGINAL, "small");
        long rowBytes = holderTotals().get("small");
        long share = 3 * rowBytes + rowBytes / 2;
        RetentionJob job = job(Duration.ZERO, 0, share);
        assertEquals(RecognitionStore.Purged.NONE, job.purge(), "the first purge's full scan finds nobody over");
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            big.add(insertOwned(NOW.minus(Duration.ofMinutes(10 - i)), ORIGINAL, "big"));
        }

        RecognitionStore.Purged purged = job.purge();

        assertEquals(3, purged.rows(), "trimmed within one purge, no full scan due");
        assertEquals(3 * rowBytes, holderTotals().get("big"));
        assertEquals(List.of(false, false, false, true, true, true),
                big.stream().map(id -> store.find(id).isPresent()).toList(), "its oldest went");
        assertEquals(RecognitionStore.Purged.NONE, job.purge(), "nothing more to check");
    }

    /**
     * Many clients each over their share by one row, trimmed 32 to a batch: each batch reads again only the clients
     * the last one took from and the next ones to take from, so each total is read at most three times (at the start,
     * before its batch, after it). Re-reading all the clients still waiting before every batch read the last ones
     * once per batch, eight times here, and a purge of N clients about N^2/64 totals in all.
     */
    @Test
    void aPurgeReadsEachTotalOfManyClientsOverTheirShareABoundedNumberOfTimes() {
        int clients = 200;
        List<RecognitionRecord> rows = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < 2; i++) {
                rows.add(StoredRows.row(NOW.minus(Duration.ofMinutes(2 - i)), ORIGINAL, "client-%03d".formatted(c)));
            }
        }
        store.insertAll(rows);
        Map<String, Long> before = holderTotals();
        long rowBytes = before.get("client-000") / 2;
        Map<String, Integer> reads = new java.util.HashMap<>();
        RetentionJob job = new RetentionJob(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                new RetentionSettings(Duration.ZERO, 0, rowBytes + rowBytes / 2, Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC), owners -> {
                    owners.forEach(owner -> reads.merge(owner, 1, Integer::sum));
                    return store.holderTotals(owners);
                });

        RecognitionStore.Purged purged = job.purge();

        assertEquals(clients, purged.rows(), "one row from each client");
        before.replaceAll((owner, bytes) -> bytes / 2);
        assertEquals(before, holderTotals(), "each client kept one row");
        assertEquals(clients, reads.size(), "every client's total read");
        int most = reads.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(most <= 3, "a client's total read " + most + " times in one purge");
        assertEquals(RecognitionStore.Purged.NONE, job.purge(), "nothing over its share is left");
    }

    /**
     * What another instance stored raises totals this instance's inserts never reported: its purge sees them at its
     * next full scan, one {@code full-scan-interval} after the last (and not before: that is what the scan is for).
     */
    @Test
    void theFullScanFindsAClientAnotherInstancePutOverItsShare() {
        insertOwned(NOW.minus(Duration.ofHours(2)), ORIGINAL, "small");
        long rowBytes = holderTotals().get("small");
        long share = 3 * rowBytes + rowBytes / 2;
        Duration scanEvery = Duration.ofMinutes(1);
        MovableClock clock = new MovableClock(NOW);
        RetentionJob job = new RetentionJob(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                new RetentionSettings(Duration.ZERO, 0, share, Duration.ZERO, scanEvery), clock);
        assertEquals(RecognitionStore.Purged.NONE, job.purge());
        try (Database other = TestServer.openDatabase(testDatabase)) {
            RecognitionStore second = new RecognitionStore(other);
            for (int i = 0; i < 6; i++) {
                second.insertAll(List.of(StoredRows.row(NOW.minus(Duration.ofMinutes(10 - i)), ORIGINAL, "elsewhere")));
            }
            clock.advance(scanEvery.minusMillis(1));
            assertEquals(RecognitionStore.Purged.NONE, job.purge(), "no full scan yet: another instance's client");
            assertEquals(6 * rowBytes, holderTotals().get("elsewhere"));

            clock.advance(Duration.ofMillis(1));
            RecognitionStore.Purged purged = job.purge();

            assertEquals(3, purged.rows(), "the full scan found it");
            assertEquals(3 * rowBytes, holderTotals().get("elsewhere"));
        }
    }

    /**
     * At the cap the purge keeps the largest holders it read and adds those whose totals its inserts raised since: a
     * client that has just stored the most loses rows first, at the next purge, and the smaller ones read before keep
     * theirs. Fails if the hand-off is lost (the holders read before would be emptied first).
     */
    @Test
    void overTheCapAHolderThatJustGrewIsTheFirstToLoseRows() {
        for (int i = 0; i < 4; i++) {
            insertOwned(NOW.minus(Duration.ofHours(10 - i)), ORIGINAL, "alpha");
        }
        for (int i = 0; i < 2; i++) {
            insertOwned(NOW.minus(Duration.ofHours(5 - i)), ORIGINAL, "beta");
        }
        long rowBytes = holderTotals().get("beta") / 2;
        RetentionJob job = job(Duration.ZERO, 5 * rowBytes);
        assertEquals(1, job.purge().rows(), "the largest holders read from the table: alpha down to 3");
        for (int i = 0; i < 6; i++) {
            insertOwned(NOW.minus(Duration.ofMinutes(10 - i)), ORIGINAL, "gamma");
        }

        RecognitionStore.Purged purged = job.purge();

        assertEquals(6, purged.rows());
        assertEquals(Map.of("alpha", 2 * rowBytes, "beta", 2 * rowBytes, "gamma", rowBytes), holderTotals(),
                "the largest first, down to the size of the next: gamma from 6, then alpha from 3, then gamma");
    }

    /**
     * The cap's largest holders are read from the table again at a full scan's turn, so a holder another instance
     * filled goes first then.
     */
    @Test
    void overTheCapTheFullScanFindsAHolderAnotherInstanceFilled() {
        for (int i = 0; i < 4; i++) {
            insertOwned(NOW.minus(Duration.ofHours(10 - i)), ORIGINAL, "alpha");
        }
        long rowBytes = holderTotals().get("alpha") / 4;
        Duration scanEvery = Duration.ofMinutes(1);
        MovableClock clock = new MovableClock(NOW);
        RetentionJob job = new RetentionJob(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                new RetentionSettings(Duration.ZERO, 3 * rowBytes, 0, Duration.ZERO, scanEvery), clock);
        assertEquals(1, job.purge().rows(), "alpha down to the cap");
        try (Database other = TestServer.openDatabase(testDatabase)) {
            RecognitionStore second = new RecognitionStore(other);
            for (int i = 0; i < 6; i++) {
                second.insertAll(List.of(StoredRows.row(NOW.minus(Duration.ofMinutes(10 - i)), ORIGINAL, "gamma")));
            }
            clock.advance(scanEvery);

            RecognitionStore.Purged purged = job.purge();

            assertEquals(6, purged.rows());
            assertEquals(Map.of("alpha", 2 * rowBytes, "gamma", rowBytes),
                    holderTotals(), "gamma from 6 down to alpha's 3, then the larger in turn");
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The sum over the rows themselves, the figure the stored total must equal. */
    private long sumOfRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(testDatabase.url(), testDatabase.user(),
                testDatabase.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(SUM(stored_bytes), 0) FROM recognitions")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Each holder's rows summed over the table (the rows without an owner under the empty string). */
    private Map<String, Long> sumsByOwner() throws SQLException {
        return sumsByOwner(testDatabase);
    }

    private static Map<String, Long> sumsByOwner(TestDatabase db) throws SQLException {
        return query(db, "SELECT COALESCE(owner, ''), SUM(stored_bytes) FROM recognitions GROUP BY COALESCE(owner, '')");
    }

    /** The running totals of the clients (V7 migration), as stored. */
    private Map<String, Long> holderTotals() {
        try {
            return holderTotals(testDatabase);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> holderTotals(TestDatabase db) throws SQLException {
        return query(db, "SELECT owner, bytes FROM owner_stored_bytes");
    }

    private static Map<String, Long> query(TestDatabase db, String sql) throws SQLException {
        Map<String, Long> sums = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                sums.put(r.getString(1).trim(), r.getLong(2));
            }
        }
        return sums;
    }

    private RetentionJob job(Duration maxAge, long maxBytes) {
        return job(maxAge, maxBytes, 0);
    }

    private RetentionJob job(Duration maxAge, long maxBytes, long maxBytesPerClient) {
        return new RetentionJob(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                new RetentionSettings(maxAge, maxBytes, maxBytesPerClient, Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aFailedInsertKeepsNoneOfItsRowsNorTheirBytesAndTheNextOneStores() {
        String kept = insert(NOW.minus(Duration.ofMinutes(2)), ORIGINAL);
        long before = store.totalBytes();
        RecognitionRecord fresh = row(NOW.minus(Duration.ofMinutes(1)), ORIGINAL);
        RecognitionRecord clash = StoredRows.row(NOW, ORIGINAL, kept, "owner");

        assertThrows(StoreQueryException.class, () -> store.insertAll(List.of(fresh, clash)), "a duplicate id");

        assertEquals(before, store.totalBytes(), "the stored total is rolled back with the rows");
        assertTrue(store.find(fresh.id()).isEmpty(), "the batch is one transaction: its first row went too");
        String after = insert(NOW, ORIGINAL);
        assertTrue(store.find(after).isPresent(), "the pooled connection left the failure ready for the next insert");
        assertTrue(store.totalBytes() > before);
    }

    private String insert(Instant at, int originalBytes) {
        return insert(store, at, originalBytes);
    }

    private static String insert(RecognitionStore store, Instant at, int originalBytes) {
        RecognitionRecord row = row(at, originalBytes);
        store.insertAll(List.of(row));
        return row.id();
    }

    private String insertOwned(Instant at, int originalBytes, String owner) {
        RecognitionRecord row = StoredRows.row(at, originalBytes, owner);
        store.insertAll(List.of(row));
        return row.id();
    }

    private static RecognitionRecord row(Instant at, int originalBytes) {
        return StoredRows.row(at, originalBytes, "owner");
    }
}
