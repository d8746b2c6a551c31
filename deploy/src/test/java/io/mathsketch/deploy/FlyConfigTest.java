package io.mathsketch.deploy;

import io.helidon.config.ConfigException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fly.toml}, parsed as TOML: only keys fly.io knows, the server's real port and configuration variables,
 * graceful stop, enough memory. The health-check path is checked against the running server in
 * {@link HealthPathsTest}.
 */
class FlyConfigTest {

    /** The subset of fly.io's app configuration this file may use; a typo in a key is otherwise silently ignored. */
    private static final Map<String, Set<String>> KNOWN_KEYS = Map.of(
            "", Set.of("app", "primary_region", "kill_signal", "kill_timeout", "build", "env", "http_service", "vm"),
            "build", Set.of("dockerfile"),
            "http_service", Set.of("internal_port", "force_https", "auto_stop_machines", "auto_start_machines",
                    "min_machines_running", "concurrency", "checks"),
            "http_service.concurrency", Set.of("type", "soft_limit", "hard_limit"),
            "http_service.checks", Set.of("grace_period", "interval", "timeout", "method", "path"),
            "vm", Set.of("size", "memory"));

    static JsonNode fly() {
        return new TomlMapper().readTree(Repository.read("fly.toml"));
    }

    @Test
    void usesOnlyKeysFlyKnows() {
        JsonNode fly = fly();
        assertKeys("", fly);
        assertKeys("build", fly.get("build"));
        assertKeys("http_service", fly.get("http_service"));
        assertKeys("http_service.concurrency", fly.get("http_service").get("concurrency"));
        fly.get("http_service").get("checks").forEach(check -> assertKeys("http_service.checks", check));
        fly.get("vm").forEach(vm -> assertKeys("vm", vm));
        assertTrue(Repository.file(fly.get("build").get("dockerfile").asString()).toFile().isFile());
    }

    @Test
    void servesOnTheConfiguredPortWithRealConfigurationVariables() {
        Map<String, String> env = environment();
        assertEquals(ServerEnvironment.port(env), fly().get("http_service").get("internal_port").asInt());
        for (String name : env.keySet()) {
            assertTrue(ServerEnvironment.reads(env, name), name + " is not a configuration key the server reads");
        }
        JsonNode check = fly().get("http_service").get("checks").get(0);
        assertEquals("GET", check.get("method").asString());
        assertEquals("/observe/health/ready", check.get("path").asString());
    }

    /**
     * Fly's proxy appends the client's address to {@code X-Forwarded-For}, then the app's own IP as the rightmost
     * entry: with fewer hops every client would share the app's address in the rate limits and the decode share.
     */
    @Test
    void ratesLimitTheClientsAddressNotFlysProxy() {
        assertEquals("2", environment().get("RATE_LIMIT_FORWARDED_HOPS"),
                "the client is the second X-Forwarded-For entry from the right behind fly's proxy");
    }

    @Test
    void stopsGracefullyWithinTheKillTimeout() {
        JsonNode fly = fly();
        assertEquals("SIGTERM", fly.get("kill_signal").asString(), "the signal the JVM's shutdown hooks run on");
        Duration killTimeout = Duration.ofSeconds(fly.get("kill_timeout").asInt());
        Duration needed = ServerEnvironment.shutdownGrace(environment()).plus(Duration.ofSeconds(5));
        assertTrue(killTimeout.compareTo(needed) >= 0, "kill_timeout " + killTimeout + " < shutdown grace + commit");
        assertTrue(killTimeout.toSeconds() <= 300, "fly.io allows at most 300 s");
    }

    @Test
    void machinesHaveRoomForTheHeapAndNativeMemory() {
        String memory = fly().get("vm").get(0).get("memory").asString();
        long bytes = Long.parseLong(memory.replaceAll("[^0-9]", ""))
                * (memory.toLowerCase().endsWith("gb") ? 1024L * 1024 * 1024 : 1024L * 1024);
        assertTrue(bytes >= KubernetesManifestsTest.heapBytes() + 230L * 1024 * 1024, memory);
    }

    /**
     * Machines share the attached PostgreSQL: without {@code fly postgres attach} (no {@code DATABASE_URL}, so no
     * {@code DB_URL} from the entrypoint) each would keep its own temporary H2 file, which must stop start-up instead.
     */
    @Test
    void refusesToStartWithoutTheAttachedDatabase() {
        Map<String, String> declared = declared();
        assertEquals("true", declared.get("DB_REQUIRE_EXTERNAL"));
        ConfigException e = assertThrows(ConfigException.class, () -> ServerEnvironment.settings(declared));
        assertTrue(e.getMessage().contains("DB_URL") && e.getMessage().contains("DB_REQUIRE_EXTERNAL"),
                e.getMessage());
        assertTrue(ServerEnvironment.settings(environment()).database().requireExternal());
    }

    /** The variables as machines get them once the database is attached ({@code DB_URL} from the entrypoint). */
    private static Map<String, String> environment() {
        Map<String, String> env = declared();
        env.put("DB_URL", "jdbc:postgresql://mathsketch-db.flycast:5432/mathsketch?sslmode=disable");
        return env;
    }

    /** {@code fly.toml}'s own {@code [env]}. */
    private static Map<String, String> declared() {
        Map<String, String> env = new LinkedHashMap<>();
        fly().get("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return env;
    }

    private static void assertKeys(String table, JsonNode node) {
        Set<String> keys = new HashSet<>(node.propertyNames());
        keys.removeAll(KNOWN_KEYS.get(table));
        assertEquals(Set.of(), keys, "unknown keys in fly.toml [" + table + "]");
    }
}
