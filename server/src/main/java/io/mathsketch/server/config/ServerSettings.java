package io.mathsketch.server.config;

import io.helidon.config.Config;
import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InvalidConfigException;

/**
 * All of the server's configuration, one immutable type per section, read and validated once at start-up
 * ({@link #from(Config)}). Each section's type declares its keys, defaults and checks; every key can be overridden
 * by an environment variable: upper case, with dots and dashes as underscores ({@code engine.device} is
 * {@code ENGINE_DEVICE}).
 *
 * @param server section {@code server} (our keys; Helidon reads its own from the same section)
 * @param engine sections {@code engine} and {@code limits}
 * @param database section {@code db}
 * @param store section {@code store}
 * @param admin section {@code admin}
 * @param cors section {@code cors}
 * @param rateLimit section {@code rate-limit}
 * @param stats section {@code stats}
 */
public record ServerSettings(ListenerSettings server, EngineConfig engine, DatabaseSettings database,
                             StoreSettings store, AdminSettings admin, CorsSettings cors,
                             RateLimitSettings rateLimit, StatsSettings stats) {

    public ServerSettings {
        // A body at the payload limit must fit in the body budget, or it could never be received.
        if (server.maxBodyBytesInFlight() <= engine.limits().maxPayloadBytes()) {
            throw new InvalidConfigException("server.max-body-bytes-in-flight",
                    Integer.toString(server.maxBodyBytesInFlight()),
                    "more than limits.max-payload-bytes (" + engine.limits().maxPayloadBytes() + ")");
        }
    }

    /** Largest request body accepted, in bytes. */
    public long maxPayloadBytes() {
        return engine.limits().maxPayloadBytes();
    }

    /**
     * Helidon's own {@code max-payload-size}, four times {@link #maxPayloadBytes}: a body up to it is read to its end
     * before the API refuses it (413), so the client, done sending, reads the answer; a larger one Helidon refuses
     * from its Content-Length, or once a chunked body passes it, and closes while the client may still be sending.
     * Four times leaves room for a photo a few times over the limit; past it, bytes read would buy little.
     */
    public long drainedPayloadBytes() {
        long limit = maxPayloadBytes();
        return limit > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : limit * 4;
    }

    /** Reads every section from the root configuration; throws a {@code ConfigException} naming the bad key. */
    public static ServerSettings from(Config config) {
        return HelidonConfigValues.read(config, ServerSettings::from);
    }

    /** Reads every section; the one list of the sections and their names. */
    static ServerSettings from(ConfigValues root) {
        EngineConfig engine = EngineConfig.from(root);
        return new ServerSettings(
                root.read("server", ListenerSettings::from),
                engine.withModelsDirectory(ModelsFolder.resolve(engine.modelsDirectory().toString())),
                root.read("db", DatabaseSettings::from),
                root.read("store", StoreSettings::from),
                root.read("admin", AdminSettings::from),
                root.read("cors", CorsSettings::from),
                root.read("rate-limit", RateLimitSettings::from),
                root.read("stats", StatsSettings::from));
    }
}
