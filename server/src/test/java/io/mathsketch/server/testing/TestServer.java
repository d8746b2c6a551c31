package io.mathsketch.server.testing;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.metrics.api.Metrics;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.testing.Checkout;
import io.mathsketch.server.MathSketchServer;
import io.mathsketch.server.RecognizerFactory;
import io.mathsketch.server.config.ServerSettings;
import io.mathsketch.server.store.Database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the real server (engine with the committed model, database, web server on a free port) with test
 * overrides on top of {@code application.yaml}; environment variables are ignored so tests behave the same anywhere.
 */
public final class TestServer implements AutoCloseable {

    private final MathSketchServer server;
    private final Http http;
    private final TestDatabase ownDatabase;

    private TestServer(MathSketchServer server, TestDatabase ownDatabase) {
        this.server = server;
        this.http = new Http("http://localhost:" + server.port());
        this.ownDatabase = ownDatabase;
    }

    /** A server with these overrides and this engine on a fresh H2 database of its own, closed with it. */
    public static TestServer startOnOwnH2(Map<String, String> overrides, RecognizerFactory engines) {
        return startOwning(new H2TestDatabase(), overrides, engines);
    }

    /**
     * A server on {@code database}, which it takes over: {@link #close()} closes the database after the server, and a
     * start that fails closes it at once.
     */
    public static TestServer startOwning(TestDatabase database, Map<String, String> overrides,
                                         RecognizerFactory engines) {
        try {
            return new TestServer(start(database, overrides, engines).server, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static TestServer start(TestDatabase database, Map<String, String> overrides, RecognizerFactory engines) {
        Map<String, String> values = new HashMap<>();
        values.put("server.port", "0");
        values.put("server.host", "localhost");
        values.put("engine.models-dir", modelsFolder().toString());
        values.put("engine.workers", "1");
        values.putAll(database.connection());
        values.put("store.retry-interval", "PT0.2S");
        // Every test client shares 127.0.0.1, and some tests send bursts on purpose: the limits are off unless a test
        // turns them on (with rateLimits).
        values.put("rate-limit.per-client", "0");
        values.put("rate-limit.per-address", "0");
        // Tests read the statistics right after a write: computed anew on every request.
        values.put("stats.max-age", "PT0S");
        values.putAll(overrides);
        Config config = config(values);
        try {
            return new TestServer(MathSketchServer.start(config, ServerSettings.from(config), engines,
                    Metrics.globalRegistry()), null);
        } catch (ModelLoadException e) {
            throw new IllegalStateException("the committed model cannot be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Overrides that turn the rate limits on with buckets small enough to empty: one token a second per client and per
     * address (a slow refill, so a test does not race the clock), behind one proxy, so that a test picks its client
     * address as the last {@code X-Forwarded-For} entry.
     */
    public static Map<String, String> rateLimits(int clientBurst, int addressBurst) {
        return Map.of(
                "rate-limit.per-client", "1", "rate-limit.client-burst", Integer.toString(clientBurst),
                "rate-limit.per-address", "1", "rate-limit.address-burst", Integer.toString(addressBurst),
                "rate-limit.forwarded-hops", "1");
    }

    /**
     * The store's database on {@code database}, as a server opens it (migrated, with the packaged statements), for
     * tests of the store without a server; the caller closes it.
     */
    public static Database openDatabase(TestDatabase database) {
        Config config = config(database.connection());
        return Database.open(ServerSettings.from(config).database(), config.get("db.statements"));
    }

    /** Test overrides first, then the packaged {@code application.yaml}. */
    public static Config config(Map<String, String> values) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(values), ConfigSources.classpath("application.yaml"))
                .build();
    }

    /** The repository's committed {@code models} folder (or {@code -Dmathsketch.test.models}). */
    public static Path modelsFolder() {
        String override = System.getProperty("mathsketch.test.models");
        if (override != null) {
            return Path.of(override);
        }
        return Checkout.models();
    }

    public Http http() {
        return http;
    }

    public MathSketchServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** The database this server owns (see {@link #startOwning}), for tests that stop it. */
    public TestDatabase ownDatabase() {
        if (ownDatabase == null) {
            throw new IllegalStateException("this server runs on a database the test owns");
        }
        return ownDatabase;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (ownDatabase != null) {
                ownDatabase.close();
            }
        }
    }
}
