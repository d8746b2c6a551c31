package io.mathsketch.server.store;

import io.helidon.metrics.api.Metrics;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.image.Box;
import io.mathsketch.server.config.RetentionSettings;
import io.mathsketch.server.config.ServerSettings;
import io.mathsketch.server.observe.StoreMetrics;
import io.mathsketch.server.testing.TestDatabase;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        ServerSettings settings = ServerSettings.from(TestServer.config(Map.of("db.url", testDatabase.url(),
                "db.user", testDatabase.user(), "db.password", testDatabase.password())));
        database = Database.open(settings.database(), TestServer.config(Map.of()).get("db.statements"));
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
                new RetentionSettings(Duration.ofDays(30), 0, Duration.ofMillis(50)))) {
            for (int i = 0; i < 200 && store.find(old).isPresent(); i++) {
                Thread.sleep(50);
            }
        }
        assertTrue(store.find(old).isEmpty(), "purged without being asked");
        assertTrue(store.find(recent).isPresent());
    }

    private RetentionJob job(Duration maxAge, long maxBytes) {
        return new RetentionJob(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                new RetentionSettings(maxAge, maxBytes, Duration.ZERO), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String insert(Instant at, int originalBytes) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        float[] probabilities = new float[10];
        probabilities[7] = 1;
        RecognitionRecord row = new RecognitionRecord(new RecognitionIds().next(time), time, "digit", "7", 0.99,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                List.of(new RecognitionRecord.Reading("7", 0.99, probabilities, new Box(0, 0, 28, 28))),
                new byte[784], Optional.of(new byte[originalBytes]), Optional.of("image/png"),
                new Recognition.ModelRef("mnist-cnn", "1.0.0"), "OnnxRuntime", "cpu()",
                new Recognition.Timings(1, 1, 1, 1), Optional.empty(), Optional.of("owner"));
        store.insertAll(List.of(row));
        return row.id();
    }
}
