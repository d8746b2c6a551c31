package io.mathsketch.server.config;

import io.helidon.config.Config;
import io.mathsketch.engine.EngineConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All of the server's configuration, read and validated once at start-up (see {@link #from(Config)}). Every key can
 * be overridden by an environment variable: upper case, with dots and dashes as underscores ({@code engine.device} is
 * {@code ENGINE_DEVICE}, {@code limits.max-payload-bytes} is {@code LIMITS_MAX_PAYLOAD_BYTES}).
 *
 * @param host interface to listen on
 * @param port HTTP port (0 picks a free one)
 * @param shutdownGrace how long shutdown waits for in-flight requests
 * @param accessLog whether every request is logged (combined format); off by default, as it costs about 5% of
 *                  the CPU at full load and the metrics already count requests, statuses and latencies
 * @param engine the engine's configuration, including the input limits
 * @param database where recognitions are stored
 * @param store how recognitions are stored
 * @param adminToken bearer token for model reloads; empty disables reloading
 * @param corsOrigins origins allowed to call the API from a browser; empty allows none besides the page itself
 */
public record ServerSettings(String host, int port, Duration shutdownGrace, boolean accessLog, EngineConfig engine,
                             DatabaseSettings database, StoreSettings store, Optional<String> adminToken,
                             List<String> corsOrigins) {

    public ServerSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Largest request body accepted, in bytes; also applied as Helidon's own {@code max-payload-size}. */
    public long maxPayloadBytes() {
        return engine.limits().maxPayloadBytes();
    }

    /** Reads every setting from the root configuration; throws a {@code ConfigException} naming the bad key. */
    public static ServerSettings from(Config config) {
        ConfigReader read = new ConfigReader(config);
        int cores = Runtime.getRuntime().availableProcessors();

        List<String> models = read.list("engine.models", List.of("mnist-cnn"));
        if (models.isEmpty()) {
            throw ConfigReader.invalid("engine.models", "", "a list of at least one model folder name");
        }
        String defaultModel = read.string("engine.default-model", models.getFirst());
        if (!models.contains(defaultModel)) {
            throw ConfigReader.invalid("engine.default-model", defaultModel, "one of engine.models " + models);
        }
        List<String> ordered = new ArrayList<>(models);
        ordered.remove(defaultModel);
        ordered.addFirst(defaultModel);

        EngineConfig.InputLimits limits = new EngineConfig.InputLimits(
                read.longValue("limits.max-payload-bytes", 2L * 1024 * 1024, 1024, 256L * 1024 * 1024),
                read.integer("limits.max-image-width", 4096, 28, 65_535),
                read.integer("limits.max-image-height", 4096, 28, 65_535));
        EngineConfig engine = new EngineConfig(
                ModelsFolder.resolve(read.string("engine.models-dir", "models")),
                ordered,
                read.oneOf("engine.name", "OnnxRuntime", Set.of("OnnxRuntime", "PyTorch")),
                read.oneOf("engine.device", "cpu", Set.of("cpu", "gpu", "auto")),
                read.integer("engine.workers", Math.max(1, cores / 2), 1, 256),
                read.integer("engine.intra-op-threads", 1, 1, 256),
                read.integer("engine.batching.max-batch-size", 32, 1, 4096),
                read.duration("engine.batching.max-delay", Duration.ZERO),
                read.duration("engine.batching.arrival-wait", EngineConfig.DEFAULT_ARRIVAL_WAIT),
                read.integer("engine.batching.queue-capacity", 1024, 1, 1_000_000),
                limits);

        DatabaseSettings database = new DatabaseSettings(
                read.string("db.url", "jdbc:h2:file:./data/db/mathsketch"),
                read.string("db.user", "sa"),
                read.string("db.password", ""),
                read.integer("db.pool-size", 4, 1, 200),
                read.duration("db.connect-timeout", Duration.ofSeconds(3)));
        StoreSettings store = new StoreSettings(
                read.integer("store.max-original-bytes", 256 * 1024, 0, Integer.MAX_VALUE),
                read.integer("store.max-batch", 256, 1, 10_000),
                read.integer("store.queue-capacity", 10_000, 1, 1_000_000),
                read.duration("store.retry-interval", Duration.ofSeconds(1)),
                read.duration("store.write-timeout", Duration.ofSeconds(10)));

        String token = read.string("admin.token", "");
        return new ServerSettings(
                read.string("server.host", "0.0.0.0"),
                read.integer("server.port", 8080, 0, 65_535),
                read.duration("server.shutdown-grace", Duration.ofSeconds(10)),
                read.bool("server.access-log", false),
                engine,
                database,
                store,
                token.isEmpty() ? Optional.empty() : Optional.of(token),
                read.list("cors.allowed-origins", List.of()));
    }
}
