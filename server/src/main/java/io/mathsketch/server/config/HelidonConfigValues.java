package io.mathsketch.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.InvalidConfigException;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Helidon {@code Config} node seen as the engine's {@link ConfigValues}, so that the engine's and the server's
 * sections are read the same way: {@code application.yaml}, then system properties and environment variables.
 */
final class HelidonConfigValues implements ConfigValues {

    private final Config node;

    private HelidonConfigValues(Config node) {
        this.node = node;
    }

    /**
     * Reads {@code reader} from the root configuration; a bad value stops start-up with a {@code ConfigException}
     * naming the full key and the environment variable that sets it.
     */
    static <T> T read(Config root, Function<ConfigValues, T> reader) {
        try {
            return reader.apply(new HelidonConfigValues(root));
        } catch (InvalidConfigException e) {
            throw new ConfigException("Invalid configuration '" + e.key() + "' (environment variable "
                    + envName(e.key()) + "): '" + e.value() + "' is not " + e.expected(), e);
        }
    }

    /** The environment variable Helidon maps onto a key: upper case, dots and dashes become underscores. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Override
    public Optional<String> raw(String name) {
        Config value = node.get(name);
        if (value.isList()) {
            return Optional.of(String.join(",", value.asList(String.class).get()));
        }
        return value.asString().asOptional();
    }

    @Override
    public ConfigValues section(String name) {
        return new HelidonConfigValues(node.get(name));
    }
}
