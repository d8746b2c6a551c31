package io.mathsketch.server.store;

import io.mathsketch.server.testing.PostgresTestDatabase;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances starting at once on one fresh PostgreSQL schema: Flyway's lock lets exactly one of them apply
 * each migration, and every instance starts (none fails on a half-created schema).
 */
class ConcurrentMigrationTest {

    private static final int INSTANCES = 4;

    @Test
    void instancesStartingTogetherMigrateOnce() throws Exception {
        try (PostgresTestDatabase postgres = new PostgresTestDatabase()) {
            CyclicBarrier start = new CyclicBarrier(INSTANCES);
            List<Database> opened = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(INSTANCES)) {
                List<Future<Database>> starts = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    starts.add(threads.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return TestServer.openDatabase(postgres);
                    }));
                }
                for (Future<Database> s : starts) {
                    opened.add(s.get(120, TimeUnit.SECONDS));
                }
            } finally {
                opened.forEach(Database::close);
            }

            try (Connection c = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
                 Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT version, COUNT(*), BOOL_AND(success)"
                        + " FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version")) {
                    int versions = 0;
                    while (r.next()) {
                        versions++;
                        assertEquals(1, r.getInt(2), "migration V" + r.getString(1) + " applied once");
                        assertTrue(r.getBoolean(3), "migration V" + r.getString(1) + " succeeded");
                    }
                    assertEquals(migrationCount(), versions, "every migration applied");
                }
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM recognitions")) {
                    r.next();
                    assertEquals(0, r.getInt(1), "schema usable");
                }
            }
        }
    }

    /** The migrations shipped in the server, so the test keeps up as new ones land. */
    private static int migrationCount() throws Exception {
        URL folder = ConcurrentMigrationTest.class.getClassLoader().getResource("db/migration");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return (int) files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
