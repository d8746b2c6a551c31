package io.mathsketch.server;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.ForwardingRecognizer;
import io.mathsketch.server.testing.GatedEngine;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.TestServer;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.inference.DjlRecognizer;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lifecycle of the whole server: a start that fails on either of its parallel steps reports that step's failure and
 * leaves nothing open; a graceful shutdown finishes and stores the recognitions already in flight.
 */
class MathSketchServerTest {

    @Test
    void aDatabaseThatCannotBeMigratedStopsTheStartWhileTheModelsLoad() throws Exception {
        try (H2TestDatabase database = new H2TestDatabase()) {
            execute(database, "CREATE TABLE someone_elses (id INT)"); // a foreign, non-empty schema
            AtomicBoolean engineClosed = new AtomicBoolean();
            IllegalStateException failure = assertThrows(IllegalStateException.class, () ->
                    TestServer.start(database, Map.of(), (config, listener) -> {
                        var recognizer = DjlRecognizer.open(config, listener);
                        return new ClosingRecognizer(recognizer, () -> engineClosed.set(true));
                    }));
            assertTrue(failure.getMessage().contains("schema migration failed"), failure::getMessage);
            assertTrue(engineClosed.get(), "the engine loaded beside it is closed again");
        }
    }

    @Test
    void anEngineThatCannotLoadStopsTheStartAndTheDatabaseOpenedBesideItIsClosed() throws Exception {
        try (H2TestDatabase database = new H2TestDatabase()) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () ->
                    TestServer.start(database, Map.of(), (config, listener) -> {
                        throw new ModelLoadException("no model today");
                    }));
            assertTrue(failure.getMessage().contains("no model today"), failure::getMessage);
            // The database went on opening on its own thread; once open, it is closed: its pool's sessions go away
            // and only this probe's own session remains.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int sessions;
            while ((sessions = sessions(database)) > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, sessions, "sessions left open on the database by the failed start");
        }
    }

    @Test
    void aPortInUseStopsTheStartWithAMessageNamingIt() throws Exception {
        try (H2TestDatabase database = new H2TestDatabase();
             java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                     java.net.InetAddress.getByName("localhost"))) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> TestServer.start(database,
                    Map.of("server.port", Integer.toString(taken.getLocalPort())), DjlRecognizer::open));
            assertTrue(failure.getMessage().contains("port " + taken.getLocalPort()), failure::getMessage);
        }
    }

    private static int sessions(H2TestDatabase database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void execute(H2TestDatabase database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    @Test
    void shutdownDrainsInFlightRecognitionsAndTheirWrites() throws Exception {
        GatedEngine engine = new GatedEngine();
        try (H2TestDatabase database = new H2TestDatabase()) {
            TestServer server = TestServer.start(database, Map.of(), engine);
            Http http = server.http();
            engine.arm();
            CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(() ->
                    http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)));
            engine.awaitHeld();

            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertFalse(shutdown.isDone(), "shutdown waits for the request in flight");
            engine.release();

            Http.Response response = inFlight.get(30, TimeUnit.SECONDS);
            shutdown.get(30, TimeUnit.SECONDS);
            assertEquals(201, response.status(), response::toString);
            assertTrue(stored(database, response.json().getString("id")), "committed before the server stopped");
            assertThrows(UncheckedIOException.class, () -> http.get("/observe/health"), "no longer accepting");
        }
    }

    private static boolean stored(H2TestDatabase database, String id) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM recognitions WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) == 1;
            }
        }
    }

    /** The real engine, telling the test when the server closes it. */
    private static final class ClosingRecognizer extends ForwardingRecognizer {
        private final Runnable onClose;

        ClosingRecognizer(Recognizer delegate, Runnable onClose) {
            super(delegate);
            this.onClose = onClose;
        }

        @Override
        public void close() {
            onClose.run();
            super.close();
        }
    }
}
