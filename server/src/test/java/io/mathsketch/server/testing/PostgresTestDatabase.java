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
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL: the one named by {@code MATHSKETCH_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}),
 * in a fresh schema per run, or else an embedded PostgreSQL over a fresh data folder, which tests can stop and
 * restart on the same port.
 */
public final class PostgresTestDatabase implements TestDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final Path dataFolder;
    private final int port;
    private final String externalUrl;
    private final String schema;
    private EmbeddedPostgres embedded;

    public PostgresTestDatabase() {
        String external = System.getenv("MATHSKETCH_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            user = System.getenv().getOrDefault("MATHSKETCH_TEST_POSTGRES_USER", "postgres");
            password = System.getenv().getOrDefault("MATHSKETCH_TEST_POSTGRES_PASSWORD", "");
            String schema = "mathsketch_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = DriverManager.getConnection(external, user, password);
                 Statement s = c.createStatement()) {
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
