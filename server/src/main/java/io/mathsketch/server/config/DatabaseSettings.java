package io.mathsketch.server.config;

import java.time.Duration;

/**
 * The JDBC database recognitions are stored in (embedded H2 file by default, PostgreSQL in production).
 *
 * @param url JDBC URL
 * @param user user name
 * @param password password (may be empty)
 * @param poolSize largest number of pooled connections
 * @param connectTimeout how long to wait for a connection before treating the database as unavailable
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
