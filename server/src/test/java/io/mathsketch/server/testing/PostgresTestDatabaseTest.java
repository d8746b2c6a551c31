package io.mathsketch.server.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests leave nothing behind in an external PostgreSQL: each run's schema is dropped on close, and schemas of runs
 * killed before their close are dropped by the next run once old enough. An embedded PostgreSQL plays the external
 * server here, so this runs everywhere.
 */
class PostgresTestDatabaseTest {

    @Test
    void externalSchemasAreDroppedOnCloseAndAbandonedOnesByTheNextRun() throws SQLException {
        try (PostgresTestDatabase server = PostgresTestDatabase.embedded()) {
            String url = server.url();
            long old = Instant.now().minus(PostgresTestDatabase.ABANDONED).getEpochSecond() - 60;
            String abandoned = PostgresTestDatabase.SCHEMA_PREFIX + old + "_deadbeef0000";
            String legacy = PostgresTestDatabase.SCHEMA_PREFIX + "0123456789abcdef0123456789abcdef";
            String recent = PostgresTestDatabase.SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_otherrun0000";
            try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + abandoned);
                s.execute("CREATE SCHEMA " + legacy);
                s.execute("CREATE SCHEMA " + recent);
            }

            String mine;
            try (PostgresTestDatabase run = new PostgresTestDatabase(url, server.user(), server.password())) {
                assertFalse(run.canStop(), "an external server is never stopped by tests");
                mine = run.url().substring(run.url().indexOf("currentSchema=") + "currentSchema=".length());
                List<String> during = testSchemas(server);
                assertTrue(during.contains(mine) && during.contains(recent), during::toString);
                assertFalse(during.contains(abandoned) || during.contains(legacy), during::toString);
            }
            assertEquals(List.of(recent), testSchemas(server), "this run's schema is gone; another run's is kept");
        }
    }

    private static List<String> testSchemas(PostgresTestDatabase server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             PreparedStatement q = c.prepareStatement(
                     "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ? ORDER BY 1")) {
            q.setString(1, PostgresTestDatabase.SCHEMA_PREFIX + "%");
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }
}
