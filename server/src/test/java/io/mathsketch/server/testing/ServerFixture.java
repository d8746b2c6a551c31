package io.mathsketch.server.testing;

import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.RecognizerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One server on a fresh H2 database of its own for all the tests of a class: started before the first of them and
 * closed, with its database, after the last. Declare it as
 * {@code @RegisterExtension static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of(...));}; the class's own
 * {@code @BeforeAll} methods run after the server is up.
 */
public final class ServerFixture implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> overrides;
    private final RecognizerFactory engines;
    private TestServer server;

    private ServerFixture(Map<String, String> overrides, RecognizerFactory engines) {
        this.overrides = Map.copyOf(overrides);
        this.engines = engines;
    }

    /** The real engine with the committed model and the packaged configuration. */
    public static ServerFixture onOwnH2() {
        return onOwnH2(Map.of());
    }

    /** The real engine with the committed model, and these configuration overrides. */
    public static ServerFixture onOwnH2(Map<String, String> overrides) {
        return onOwnH2(overrides, DjlRecognizer::open);
    }

    public static ServerFixture onOwnH2(Map<String, String> overrides, RecognizerFactory engines) {
        return new ServerFixture(overrides, engines);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.startOnOwnH2(overrides, engines);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public Http http() {
        return server.http();
    }

    public TestServer server() {
        return server;
    }
}
