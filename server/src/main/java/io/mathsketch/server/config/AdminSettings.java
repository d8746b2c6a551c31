package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.InvalidConfigException;
import io.mathsketch.engine.config.Key;

import java.util.Optional;

/**
 * Administration: section {@code admin}.
 *
 * @param token bearer token that reloads models and reads, corrects and deletes every client's recognitions; empty
 *              disables it. A configured token shorter than {@link #MIN_TOKEN_LENGTH} characters stops start-up: it
 *              guards everyone's drawings, so it must not be guessable
 */
public record AdminSettings(Optional<String> token) {

    /** Characters a configured token needs at least: 32, what {@code openssl rand -hex 16} writes (128 bits). */
    public static final int MIN_TOKEN_LENGTH = 32;

    static final Key<String> TOKEN = Key.string("token", "");

    public AdminSettings {
        token.ifPresent(AdminSettings::checkLength);
    }

    static AdminSettings from(ConfigValues values) {
        String token = values.get(TOKEN);
        return new AdminSettings(token.isEmpty() ? Optional.empty() : Optional.of(token));
    }

    /** The error names the key and the minimum, never the token itself: start-up errors go to the log. */
    private static void checkLength(String token) {
        int length = token.codePointCount(0, token.length());
        if (length < MIN_TOKEN_LENGTH) {
            throw new InvalidConfigException(TOKEN.name(), "<hidden, " + length + " characters>",
                    "empty (reloads and admin access off) or a token of at least " + MIN_TOKEN_LENGTH
                            + " characters, such as the output of 'openssl rand -hex 16'");
        }
    }
}
