package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.util.Optional;

/**
 * Administration: section {@code admin}.
 *
 * @param token bearer token for model reloads; empty disables reloading
 */
public record AdminSettings(Optional<String> token) {

    static final Key<String> TOKEN = Key.string("token", "");

    static AdminSettings from(ConfigValues values) {
        String token = values.get(TOKEN);
        return new AdminSettings(token.isEmpty() ? Optional.empty() : Optional.of(token));
    }
}
