package io.mathsketch.deploy;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariableAliases;
import io.helidon.config.EnvironmentVariables;
import io.helidon.config.spi.ConfigNode;
import io.helidon.config.spi.ConfigSource;
import io.helidon.config.spi.LazyConfigSource;
import io.mathsketch.server.config.ServerSettings;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's configuration as a platform sets it: environment variables (mapped onto keys exactly as Helidon's
 * environment source maps them) over the packaged {@code application.yaml}, read by the server's own settings code.
 */
final class ServerEnvironment {

    private static final String NONSENSE = "not-a-value-of-any-key-§";

    private ServerEnvironment() {
    }

    static ServerSettings settings(Map<String, String> environment) {
        return ServerSettings.from(config(environment));
    }

    static Config config(Map<String, String> environment) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(EnvironmentVariables.expand(environment)),
                        new LazyEnvironment(environment),
                        ConfigSources.classpath("application.yaml"))
                .build();
    }

    /**
     * Helidon's environment source also looks each key up lazily under the names a variable may have: the key, the
     * key with every character but letters and digits as {@code _} ({@code engine.models-dir} is
     * {@code ENGINE_MODELS_DIR}), the {@code _DASH_} spelling, each also upper-cased. This does the same over a map.
     */
    private record LazyEnvironment(Map<String, String> environment) implements ConfigSource, LazyConfigSource {

        @Override
        public Optional<ConfigNode> node(String key) {
            String plain = key.replaceAll("[^A-Za-z0-9]", "_");
            return Stream.concat(Stream.of(key, plain, plain.toUpperCase(Locale.ROOT)),
                            EnvironmentVariableAliases.aliasesOf(key).stream())
                    .map(environment::get)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .map(ConfigNode.ValueNode::create);
        }
    }

    /**
     * Whether the server reads a variable: with a nonsense value instead, either the settings differ or start-up is
     * refused naming that variable. A misspelt name changes nothing.
     */
    static boolean reads(Map<String, String> environment, String name) {
        ServerSettings given = settings(environment);
        Map<String, String> changed = new HashMap<>(environment);
        changed.put(name, NONSENSE);
        try {
            return !given.equals(settings(changed));
        } catch (ConfigException e) {
            return e.getMessage().contains(name);
        }
    }

    /** The shutdown grace period the server would use with these variables. */
    static Duration shutdownGrace(Map<String, String> environment) {
        return settings(environment).server().shutdownGrace();
    }

    /** The HTTP port the server would listen on with these variables. */
    static int port(Map<String, String> environment) {
        return settings(environment).server().port();
    }
}
