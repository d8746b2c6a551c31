package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.time.Duration;

/**
 * {@code /api/v1/stats}: section {@code stats}.
 *
 * @param maxAge how long computed statistics are served before they are computed again (they read every row)
 */
public record StatsSettings(Duration maxAge) {

    /**
     * 15 s: the per-model query alone took 4.9-6.5 s on 258,498 H2 rows, so recomputing at most this often keeps one
     * pooled connection busy well under half the time, while a correction shows within a page's next reloads.
     */
    static final Key<Duration> MAX_AGE = Key.duration("max-age", "PT15S");

    public StatsSettings {
        MAX_AGE.check(maxAge);
    }

    static StatsSettings from(ConfigValues values) {
        return new StatsSettings(values.get(MAX_AGE));
    }
}
