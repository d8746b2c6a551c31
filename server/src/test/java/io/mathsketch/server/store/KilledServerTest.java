package io.mathsketch.server.store;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server on its embedded H2 file, killed with SIGKILL (a crash, an OOM killer, a node lost) under load:
 * every recognition answered 201 {@code "stored": true} is in the file afterwards, and every one answered 204 to
 * its {@code DELETE} stays deleted. With H2 writing commits out only every {@code WRITE_DELAY} (50 ms), the rows of
 * the last commits before the kill were lost (45 of 1,267 in a manual run).
 */
class KilledServerTest {

    private static final String CLIENT = "killed-server-client-0123";
    private static final int POSTING_THREADS = 12;
    /** Kills of one database file: each loses what its last moments committed when commits are not written. */
    private static final int ROUNDS = 2;

    @Test
    void whatWasAnsweredAsStoredOrDeletedSurvivesASigkill(@TempDir Path dir) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        // A DELETE sent but never answered (the kill came first) may or may not have been committed: either is right.
        Set<String> deleteUnanswered = ConcurrentHashMap.newKeySet();
        String dbUrl = "";
        for (int round = 0; round < ROUNDS; round++) {
            // No rate limits: the load is one client from one address.
            try (ServerProcess server = ServerProcess.start(dir, Map.of("RATE_LIMIT_PER_CLIENT", "0",
                    "RATE_LIMIT_PER_ADDRESS", "0"))) {
                dbUrl = server.dbUrl();
                Http http = server.http().asClient(CLIENT);
                int stored = acknowledged.size();
                int gone = deleted.size();
                AtomicBoolean loading = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < POSTING_THREADS; i++) {
                    String pixels = "{\"pixels\": " + Digits.pixelsJson(i) + "}";
                    load.add(Thread.ofPlatform().start(() -> keepPosting(http, pixels, loading, acknowledged)));
                }
                load.add(Thread.ofPlatform().start(() -> keepDeleting(http, loading, acknowledged, deleted,
                        deleteUnanswered)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while ((acknowledged.size() < stored + 100 || deleted.size() < gone + 10)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                // Killed while requests are being answered: the last commits are milliseconds old.
                server.close();
                loading.set(false);
                for (Thread thread : load) {
                    thread.join(30_000);
                }
            }
        }
        assertTrue(acknowledged.size() >= 100 * ROUNDS && deleted.size() >= 10 * ROUNDS,
                "the load was answered: " + acknowledged.size() + " stored, " + deleted.size() + " deleted");
        Set<String> kept = ids(dbUrl);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(deleted);
        lost.removeAll(deleteUnanswered);
        lost.removeAll(kept);
        Set<String> back = new HashSet<>(deleted);
        back.retainAll(kept);
        assertAll(() -> assertEquals(Set.of(), lost, lost.size() + " of " + acknowledged.size()
                        + " rows answered as stored are lost"),
                () -> assertEquals(Set.of(), back, back.size() + " of " + deleted.size()
                        + " recognitions answered 204 to their DELETE are back"));
    }

    /**
     * The file opens and reads whole after SIGKILLs while the retention job purges and reuses dead chunks' space at the
     * short retention time {@link EmbeddedFileSync} sets (a retention time of 0 made H2 files unreadable: "Double
     * mark"). Each round's server opens the file the round before killed; the last read walks every row. A check of
     * this path, not a proof against that fault: once run with the retention time and versions kept both forced to 0
     * it passed too (the reported corruption needs timing this load did not hit).
     */
    @Test
    void theFileOpensAfterSigkillsWhileTheRetentionJobPurges(@TempDir Path dir) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String dbUrl = "";
        for (int round = 0; round < ROUNDS + 1; round++) {
            // A cap far below what the load writes, so that rows and chunks die all the time; the load lasts past
            // several retention times (five one-second intervals).
            try (ServerProcess server = ServerProcess.start(dir, Map.of("RATE_LIMIT_PER_CLIENT", "0",
                    "RATE_LIMIT_PER_ADDRESS", "0", "STORE_RETENTION_MAX_BYTES", "400000",
                    "STORE_RETENTION_INTERVAL", "PT1S"))) {
                dbUrl = server.dbUrl();
                Http http = server.http().asClient(CLIENT);
                AtomicBoolean loading = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < POSTING_THREADS; i++) {
                    String pixels = "{\"pixels\": " + Digits.pixelsJson(i) + "}";
                    load.add(Thread.ofPlatform().start(() -> keepPosting(http, pixels, loading, acknowledged)));
                }
                Thread.sleep(TimeUnit.SECONDS.toMillis(12));
                server.close();
                loading.set(false);
                for (Thread thread : load) {
                    thread.join(30_000);
                }
            }
        }
        int rows = 0;
        try (Connection c = DriverManager.getConnection(dbUrl, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM recognitions")) {
            while (r.next()) {
                rows++;
            }
        }
        assertTrue(acknowledged.size() > 1000, "the load was answered: " + acknowledged.size() + " stored");
        assertTrue(rows > 0 && rows < acknowledged.size(), "the job purged: " + rows + " of " + acknowledged.size()
                + " rows left");
    }

    private static void keepPosting(Http http, String pixels, AtomicBoolean loading, Set<String> acknowledged) {
        while (loading.get()) {
            try {
                Http.Response response = http.postJson("/api/v1/recognitions", pixels);
                if (response.status() == 201 && response.json().getBoolean("stored")) {
                    acknowledged.add(response.json().getString("id"));
                }
            } catch (UncheckedIOException e) {
                // The process is gone: this request was never answered, so nothing was promised for it.
                return;
            }
        }
    }

    /**
     * Deletes recognitions as they are acknowledged, keeping the ids whose delete was answered 204, and in
     * {@code unanswered} the one whose delete the kill cut off. That one is never sent again: the next round's server
     * may answer it 404 (the cut-off delete was committed), and a retry that took it out of {@code unanswered} then
     * counted its row as lost (one of 322 in a CI run).
     */
    private static void keepDeleting(Http http, AtomicBoolean loading, Set<String> acknowledged,
                                     Set<String> deleted, Set<String> unanswered) {
        while (loading.get()) {
            Optional<String> next = acknowledged.stream()
                    .filter(id -> !deleted.contains(id) && !unanswered.contains(id)).findAny();
            if (next.isEmpty()) {
                Thread.onSpinWait();
                continue;
            }
            HttpRequest delete = http.request("/api/v1/recognitions/" + next.get()).DELETE().build();
            int status;
            try {
                status = http.send(delete).status();
            } catch (UncheckedIOException e) {
                unanswered.add(next.get());
                return;
            }
            if (status == 204) {
                deleted.add(next.get());
            }
        }
    }

    private static Set<String> ids(String dbUrl) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM recognitions")) {
            while (r.next()) {
                ids.add(r.getString(1).trim());
            }
        }
        return ids;
    }
}
