package io.mathsketch.server.config;

import io.helidon.config.ConfigException;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerSettingsTest {

    @Test
    void defaultsRunOutOfTheBox() {
        ServerSettings s = settings(Map.of());

        assertEquals(8080, s.server().port());
        assertEquals("0.0.0.0", s.server().host());
        assertEquals("OnnxRuntime", s.engine().engine());
        assertEquals("cpu", s.engine().device());
        assertEquals(List.of("mnist-cnn", "mathsketch-symbols", "mathsketch-digit-verifier",
                "mathsketch-digit-pairs", "mathsketch-line-reader"), s.engine().models());
        assertEquals(8L * 1024 * 1024, s.maxPayloadBytes());
        assertEquals(32L * 1024 * 1024, s.drainedPayloadBytes());
        assertEquals(4096, s.engine().limits().maxWidth());
        assertEquals(4096, s.engine().limits().maxHeight());
        assertEquals(32, s.engine().batching().maxBatchSize());
        assertEquals(Duration.ZERO, s.engine().batching().maxDelay());
        assertEquals("jdbc:h2:file:./data/db/mathsketch", s.database().url());
        assertEquals(Optional.empty(), s.admin().token());
        assertEquals(List.of(), s.cors().allowedOrigins());
        assertFalse(s.server().accessLog());
        assertTrue(s.engine().modelsDirectory().isAbsolute());
        assertEquals(16 * 1024 * 1024, s.store().queueBytes());
        assertEquals(123_456, settings(Map.of("store.queue-bytes", "123456")).store().queueBytes());
    }

    /** A client's share of the store follows max-bytes unless it is set: a hundredth, none when max-bytes is none. */
    @Test
    void aClientsShareOfTheStoreIsAHundredthOfItsCapUnlessSet() {
        assertEquals(10_737_418, settings(Map.of()).store().retention().maxBytesPerClient());
        assertEquals(50_000, settings(Map.of("store.retention.max-bytes", "5000000")).store().retention()
                .maxBytesPerClient());
        assertEquals(0, settings(Map.of("store.retention.max-bytes", "0")).store().retention().maxBytesPerClient());
        assertEquals(2_000_000, settings(Map.of("store.retention.max-bytes", "5000000",
                "store.retention.max-bytes-per-client", "2000000")).store().retention().maxBytesPerClient());
        assertInvalid("store.retention.max-bytes-per-client", "-1", "STORE_RETENTION_MAX_BYTES_PER_CLIENT");
    }

    @Test
    void readsOverridesAndCanonicalisesWords() {
        ServerSettings s = settings(Map.of(
                "server.port", "9090",
                "engine.name", "pytorch",
                "engine.device", "GPU",
                "engine.models", "a, b,mnist-cnn",
                "engine.default-model", "mnist-cnn",
                "engine.batching.max-delay", "5ms",
                "admin.token", " 0123456789abcdef0123456789abcdef ",
                "server.access-log", "TRUE",
                "cors.allowed-origins", "https://a.example, https://b.example"));

        assertEquals(9090, s.server().port());
        assertEquals("PyTorch", s.engine().engine());
        assertEquals("gpu", s.engine().device());
        assertEquals(List.of("mnist-cnn", "a", "b"), s.engine().models(), "the default model goes first");
        assertEquals(Duration.ofMillis(5), s.engine().batching().maxDelay());
        assertEquals(Optional.of("0123456789abcdef0123456789abcdef"), s.admin().token());
        assertTrue(s.server().accessLog());
        assertEquals(List.of("https://a.example", "https://b.example"), s.cors().allowedOrigins());
        assertEquals(Duration.ofMillis(2), settings(Map.of("engine.batching.max-delay", "PT0.002S")).engine()
                .batching().maxDelay());
    }

    @Test
    void invalidValuesStopStartUpNamingTheKeyAndItsEnvironmentVariable() {
        assertInvalid("server.port", "eighty", "SERVER_PORT");
        assertInvalid("server.port", "70000", "SERVER_PORT");
        assertInvalid("engine.device", "tpu", "ENGINE_DEVICE");
        assertInvalid("engine.name", "TensorFlow", "ENGINE_NAME");
        assertInvalid("engine.batching.max-batch-size", "0", "ENGINE_BATCHING_MAX_BATCH_SIZE");
        assertInvalid("engine.batching.max-delay", "soon", "ENGINE_BATCHING_MAX_DELAY");
        assertInvalid("limits.max-payload-bytes", "-1", "LIMITS_MAX_PAYLOAD_BYTES");
        assertInvalid("engine.default-model", "other", "ENGINE_DEFAULT_MODEL");
        assertInvalid("db.pool-size", "0", "DB_POOL_SIZE");
        assertInvalid("server.access-log", "yes", "SERVER_ACCESS_LOG");
        assertInvalid("store.queue-bytes", "1000", "STORE_QUEUE_BYTES");
    }

    /**
     * The admin token reads and deletes everyone's drawings: one under 32 characters stops start-up, naming the key,
     * its environment variable and the minimum, and the error (which goes to the log) does not show the token.
     */
    @Test
    void aShortAdminTokenStopsStartUpWithoutShowingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> settings(Map.of("admin.token", "0123456789abcdef0123456789abcde")));
        assertTrue(e.getMessage().contains("'admin.token'") && e.getMessage().contains("ADMIN_TOKEN")
                && e.getMessage().contains("at least 32 characters"), e.getMessage());
        assertFalse(e.getMessage().contains("0123456789abcdef"), e.getMessage());
        assertTrue(e.getMessage().contains("31 characters"), e.getMessage());
        assertInvalid("admin.token", "t0ken", "ADMIN_TOKEN");
        assertEquals(Optional.empty(), settings(Map.of("admin.token", "  ")).admin().token(), "blank: admin off");
    }

    /**
     * A deployment that needs a shared database says so: without one configured, start-up fails naming db.url, its
     * variable and the setting that demands it, instead of each instance keeping its own temporary H2 file.
     */
    @Test
    void anExternalDatabaseCanBeRequired() {
        assertFalse(settings(Map.of()).database().requireExternal(), "the embedded H2 file runs out of the box");
        for (String embedded : new String[] {"jdbc:h2:file:./data/db/mathsketch", "jdbc:h2:mem:x", "JDBC:H2:./db"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> settings(Map.of("db.require-external", "true", "db.url", embedded)), embedded);
            assertTrue(e.getMessage().contains("'db.url'") && e.getMessage().contains("DB_URL")
                    && e.getMessage().contains("DB_REQUIRE_EXTERNAL"), e.getMessage());
        }
        ConfigException unset = assertThrows(ConfigException.class,
                () -> settings(Map.of("db.require-external", "true")));
        assertTrue(unset.getMessage().contains("external database"), unset.getMessage());
        for (String external : new String[] {"jdbc:postgresql://db:5432/mathsketch", "jdbc:h2:tcp://db/mathsketch"}) {
            DatabaseSettings db = settings(Map.of("db.require-external", "true", "db.url", external)).database();
            assertTrue(db.requireExternal());
            assertEquals(external, db.url());
        }
        assertInvalid("db.require-external", "yes", "DB_REQUIRE_EXTERNAL");
    }

    /**
     * A password written into db.url (PostgreSQL's {@code password=} parameter, H2's {@code ;PASSWORD=} setting)
     * never reaches the log: not in the settings' text, the start-up warning of an unreachable database or a
     * configuration error.
     */
    @Test
    void aPasswordInTheDatabaseUrlIsNotShown() {
        DatabaseSettings db = settings(Map.of("db.url",
                "jdbc:postgresql://db:5432/m?user=app&password=s3cr3t-pw&ssl=true")).database();
        assertEquals("jdbc:postgresql://db:5432/m?user=app&password=<hidden>&ssl=true", db.shownUrl());
        assertFalse(db.toString().contains("s3cr3t-pw"), db.toString());
        assertEquals("jdbc:h2:file:./db;USER=sa;PASSWORD=<hidden>",
                settings(Map.of("db.url", "jdbc:h2:file:./db;USER=sa;PASSWORD=s3cr3t-pw")).database().shownUrl());
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("db.require-external", "true",
                "db.url", "jdbc:h2:file:./db;password=s3cr3t-pw")));
        assertFalse(e.getMessage().contains("s3cr3t-pw"), e.getMessage());
    }

    private static void assertInvalid(String key, String value, String envName) {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of(key, value)));
        assertTrue(e.getMessage().contains("'" + key + "'") && e.getMessage().contains(envName), e.getMessage());
    }

    private static ServerSettings settings(Map<String, String> values) {
        return ServerSettings.from(TestServer.config(values));
    }
}
