package io.mathsketch.engine.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured text of one section's keys. The engine reads its sections through this view so that it does not
 * depend on a configuration library; the server adapts its Helidon {@code Config} to it, tests use {@link #of}.
 */
public interface ConfigValues {

    /** The configured text of a key of this section, if set (a list as its comma-separated elements). */
    Optional<String> raw(String name);

    /** The sub-section {@code name}. */
    ConfigValues section(String name);

    /** The configured value of {@code key}, or its default when absent. */
    default <T> T get(Key<T> key) {
        return find(key).orElseGet(key::defaultValue);
    }

    /**
     * The configured value of {@code key}, if set; for keys whose default the section derives. Values are parsed
     * here and checked by the section's constructor ({@link Key#check}), the one place that knows its ranges.
     */
    default <T> Optional<T> find(Key<T> key) {
        return raw(key.name()).map(key::parse);
    }

    /**
     * Reads the sub-section {@code name} with {@code reader}; a bad value inside it is reported with its full key.
     */
    default <T> T read(String name, Function<ConfigValues, T> reader) {
        try {
            return reader.apply(section(name));
        } catch (InvalidConfigException e) {
            throw e.within(name);
        }
    }

    /** Values from a flat map of full keys ({@code batching.max-delay}), relative to this section. */
    static ConfigValues of(Map<String, String> values) {
        return new ConfigValues() {
            @Override
            public Optional<String> raw(String name) {
                return Optional.ofNullable(values.get(name));
            }

            @Override
            public ConfigValues section(String name) {
                String prefix = name + ".";
                return of(values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                        .collect(Collectors.toMap(e -> e.getKey().substring(prefix.length()),
                                Map.Entry::getValue)));
            }
        };
    }
}
