package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.time.Duration;

/**
 * The JDBC database recognitions are stored in (embedded H2 file by default, PostgreSQL in production): section
 * {@code db}. Its named SQL statements ({@code db.statements}) are not settings and stay in {@code application.yaml}.
 *
 * @param url JDBC URL
 * @param user user name
 * @param password password (may be empty)
 * @param poolSize largest number of pooled connections
 * @param connectTimeout how long to wait for a connection before treating the database as unavailable
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {

    static final Key<String> URL = Key.string("url", "jdbc:h2:file:./data/db/mathsketch");
    static final Key<String> USER = Key.string("user", "sa");
    static final Key<String> PASSWORD = Key.string("password", "");
    static final Key<Integer> POOL_SIZE = Key.integer("pool-size", 4, 1, 200);
    static final Key<Duration> CONNECT_TIMEOUT = Key.duration("connect-timeout", "PT3S");

    public DatabaseSettings {
        POOL_SIZE.check(poolSize);
        CONNECT_TIMEOUT.check(connectTimeout);
    }

    static DatabaseSettings from(ConfigValues values) {
        return new DatabaseSettings(values.get(URL), values.get(USER), values.get(PASSWORD), values.get(POOL_SIZE),
                values.get(CONNECT_TIMEOUT));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
