package io.mathsketch.server;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real process, stopped the way platforms stop it: SIGTERM while requests are in flight and more keep coming.
 * Requests already being received complete, every row acknowledged as stored is in the database, and the process
 * exits within {@code server.shutdown-grace}. (The shutdown log lines are not asserted here: read through this
 * test's pipe they were missing even when the drain demonstrably ran; {@code packaged-smoke.sh} checks them.)
 */
class ShutdownSignalTest {

    private static final Duration GRACE = Duration.ofSeconds(8);
    private static final int IN_FLIGHT = 4;

    @Test
    void sigtermDrainsRequestsInFlightCommitsTheirRowsAndExitsWithinTheGrace(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, Map.of("SERVER_SHUTDOWN_GRACE", GRACE.toString()))) {
            Http http = server.http();
            assertEquals(201, http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)).status());

            byte[] png = Digits.canvasPng(1);
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                slow.add(startRequest(server.port(), png));
            }
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<Integer> serverErrors = new CopyOnWriteArrayList<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                load.add(Thread.ofPlatform().start(() -> keepPosting(http, loading, acknowledged, serverErrors)));
            }
            Thread.sleep(500);

            long signalled = System.nanoTime();
            server.terminate();
            Thread.sleep(300);
            for (Socket socket : slow) {
                JsonObject answer;
                try {
                    answer = finishRequest(socket, png);
                } catch (IOException | AssertionError e) {
                    throw new AssertionError("a request in flight was cut off: " + e.getMessage()
                            + "\nserver log:\n" + String.join("\n", server.log()), e);
                }
                assertTrue(answer.getBoolean("stored"), answer::toString);
                acknowledged.add(answer.getString("id"));
            }
            assertTrue(server.awaitExit(GRACE.plusSeconds(20)), "the process exits");
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
            loading.set(false);
            for (Thread thread : load) {
                thread.join(30_000);
            }

            assertTrue(stopping.compareTo(GRACE) <= 0, "exited after " + stopping + ", grace " + GRACE);
            assertEquals(List.of(), serverErrors, "no request was answered with a server error");
            assertTrue(acknowledged.size() > IN_FLIGHT, "load kept running: " + acknowledged.size());
            assertEquals(Set.of(), missing(server.dbUrl(), acknowledged),
                    "rows acknowledged as stored but not in the database");
        }
    }

    /** Sends the head and the first half of a recognition request, leaving it in flight. */
    private static Socket startRequest(int port, byte[] png) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                + "Content-Length: " + png.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(png, 0, png.length / 2);
        out.flush();
        return socket;
    }

    private static JsonObject finishRequest(Socket socket, byte[] png) throws IOException {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(png, png.length / 2, png.length - png.length / 2);
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 201"), text);
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    private static void keepPosting(Http http, AtomicBoolean loading, Set<String> acknowledged,
                                    List<Integer> serverErrors) {
        byte[] png = Digits.canvasPng(2);
        while (loading.get()) {
            try {
                Http.Response response = http.post("/api/v1/recognitions", "image/png", png);
                if (response.status() >= 500) {
                    serverErrors.add(response.status());
                } else if (response.status() == 201 && response.json().getBoolean("stored")) {
                    acknowledged.add(response.json().getString("id"));
                }
            } catch (UncheckedIOException e) {
                // Refused or closed once the listener stopped: the client never got an answer, nothing was promised.
                return;
            }
        }
    }

    private static Set<String> missing(String dbUrl, Set<String> ids) throws Exception {
        Set<String> missing = ConcurrentHashMap.newKeySet();
        try (Connection c = DriverManager.getConnection(dbUrl, "sa", "");
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM recognitions WHERE id = ?")) {
            for (String id : ids) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) != 1) {
                        missing.add(id);
                    }
                }
            }
        }
        return missing;
    }
}
