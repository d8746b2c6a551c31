package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.util.List;

/**
 * Cross-origin access to {@code /api/*}: section {@code cors}.
 *
 * @param allowedOrigins origins allowed to call the API from a browser; empty allows none besides the page itself
 */
public record CorsSettings(List<String> allowedOrigins) {

    static final Key<List<String>> ALLOWED_ORIGINS = Key.list("allowed-origins", "");

    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    static CorsSettings from(ConfigValues values) {
        return new CorsSettings(values.get(ALLOWED_ORIGINS));
    }
}
