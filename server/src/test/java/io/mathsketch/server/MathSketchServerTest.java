package io.mathsketch.server;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.GatedEngine;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lifecycle of the whole server: a graceful shutdown finishes and stores the recognitions already in flight. */
class MathSketchServerTest {

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
}
