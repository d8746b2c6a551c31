package io.mathsketch.server.ui;

import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.testing.TestServer;

import java.util.Map;

/**
 * The real MathSketch server for the browser tests: the server tests' {@link TestServer} (committed model, engine,
 * web server on a free port) over its own H2 database, which a test can stop to see the page cope with an outage.
 */
final class RunningServer implements AutoCloseable {

    private final TestServer server;

    private RunningServer(TestServer server) {
        this.server = server;
    }

    static RunningServer start() {
        return start(Map.of());
    }

    /** With configuration overrides, such as {@code engine.models} naming the symbol model too. */
    static RunningServer start(Map<String, String> overrides) {
        return new RunningServer(TestServer.startOnOwnH2(overrides, DjlRecognizer::open));
    }

    String baseUrl() {
        return "http://localhost:" + server.port() + "/";
    }

    TestServer server() {
        return server;
    }

    /** Makes the database unreachable; the server keeps answering, without storing anything. */
    void stopDatabase() {
        server.ownDatabase().stop();
    }

    @Override
    public void close() {
        server.close();
    }
}
