package io.mathsketch.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real PostgreSQL: the one named by {@code MATHSKETCH_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}),
 * in a fresh schema per run, or else an embedded PostgreSQL over a fresh data folder, which tests can stop and
 * restart on the same port.
 */
public final class PostgresTestDatabase implements TestDatabase {

    /** Test schemas in an external server: this prefix, the creation time in epoch seconds, a random suffix. */
    static final String SCHEMA_PREFIX = "mathsketch_test_";
    /** A test schema older than this was left by a run that never reached {@link #close()} (killed, crashed). */
    static final Duration ABANDONED = Duration.ofHours(2);

    private final String url;
    private final String user;
    private final String password;
    private final Path dataFolder;
    private final int port;
    private final String externalUrl;
    private final String schema;
    private EmbeddedPostgres embedded;

    /** The configured external PostgreSQL if there is one, else an embedded one. */
    public PostgresTestDatabase() {
        this(System.getenv("MATHSKETCH_TEST_POSTGRES_URL"),
                System.getenv().getOrDefault("MATHSKETCH_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("MATHSKETCH_TEST_POSTGRES_PASSWORD", ""));
    }

    /**
     * Always an embedded PostgreSQL of its own, even when an external one is configured: for tests that stop and
     * restart the database, which must run everywhere, and must never stop a shared server.
     */
    public static PostgresTestDatabase embedded() {
        return new PostgresTestDatabase(null, null, null);
    }

    /** A fresh schema in the PostgreSQL at {@code external} (embedded when null or blank). */
    PostgresTestDatabase(String external, String externalUser, String externalPassword) {
        if (external != null && !external.isBlank()) {
            user = externalUser;
            password = externalPassword;
            String schema = SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(external, user, password);
                 Statement s = c.createStatement()) {
                dropAbandonedSchemas(c);
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test schema in " + external, e);
            }
            url = external + (external.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            externalUrl = external;
            this.schema = schema;
            dataFolder = null;
            port = -1;
            return;
        }
        try {
            dataFolder = Files.createTempDirectory("mathsketch-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        user = "postgres";
        password = "";
        externalUrl = null;
        schema = null;
        restart();
        url = embedded.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public boolean canStop() {
        return dataFolder != null;
    }

    @Override
    public void stop() {
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void restart() {
        try {
            embedded = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataFolder)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops test schemas that runs killed before their {@link #close()} left behind, recognised by the creation time
     * in their name; younger ones may belong to a run in progress on another machine and are kept.
     */
    private static void dropAbandonedSchemas(Connection c) throws SQLException {
        long cutoff = Instant.now().minus(ABANDONED).getEpochSecond();
        List<String> abandoned = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?")) {
            q.setString(1, SCHEMA_PREFIX + "%");
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String name = r.getString(1);
                    String[] parts = name.substring(SCHEMA_PREFIX.length()).split("_");
                    // Names without a time come from before it was recorded: abandoned by definition.
                    boolean old = parts.length < 2 || !parts[0].matches("\\d{1,12}")
                            || Long.parseLong(parts[0]) < cutoff;
                    if (old && name.matches("[a-z0-9_]+")) {
                        abandoned.add(name);
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : abandoned) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }

    /** Stops the embedded server, or drops this run's schema from the external one: nothing is left behind. */
    @Override
    public void close() {
        if (embedded != null) {
            stop();
            Folders.deleteRecursively(dataFolder);
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(externalUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the test schema " + schema, e);
            }
        }
    }
}
