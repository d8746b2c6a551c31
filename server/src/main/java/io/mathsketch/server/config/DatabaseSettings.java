package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.InvalidConfigException;
import io.mathsketch.engine.config.Key;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The JDBC database recognitions are stored in (embedded H2 file by default, PostgreSQL in production): section
 * {@code db}. Its named SQL statements ({@code db.statements}) are not settings and stay in {@code application.yaml}.
 *
 * @param url JDBC URL
 * @param user user name
 * @param password password (may be empty)
 * @param poolSize largest number of pooled connections
 * @param connectTimeout how long to wait for a connection before treating the database as unavailable
 * @param requireExternal whether {@code url} must name an external database: a deployment of several instances (or
 *                        one whose disk does not outlive a deploy) sets it, so that a database left unattached stops
 *                        start-up instead of each instance silently keeping its own temporary H2 file
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout,
                               boolean requireExternal) {

    static final Key<String> URL = Key.string("url", "jdbc:h2:file:./data/db/mathsketch");
    static final Key<String> USER = Key.string("user", "sa");
    static final Key<String> PASSWORD = Key.string("password", "");
    static final Key<Integer> POOL_SIZE = Key.integer("pool-size", 4, 1, 200);
    static final Key<Duration> CONNECT_TIMEOUT = Key.duration("connect-timeout", "PT3S");
    static final Key<Boolean> REQUIRE_EXTERNAL = Key.bool("require-external", false);
    /** PostgreSQL's {@code password=} query parameter and H2's {@code ;PASSWORD=} setting, up to the next one. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    public DatabaseSettings {
        POOL_SIZE.check(poolSize);
        CONNECT_TIMEOUT.check(connectTimeout);
        if (requireExternal && !external(url)) {
            throw new InvalidConfigException(URL.name(), shown(url), "an external database such as"
                    + " jdbc:postgresql://host:5432/mathsketch, which db.require-external (DB_REQUIRE_EXTERNAL)"
                    + " demands: an embedded H2 file is each instance's own and is lost on every deploy. Attach or configure"
                    + " the database (on fly.io 'fly postgres attach' sets DATABASE_URL), or set"
                    + " DB_REQUIRE_EXTERNAL=false to run on the embedded file anyway");
        }
    }

    /** Settings that do not demand an external database (tests and tools that bring their own H2 file). */
    public DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {
        this(url, user, password, poolSize, connectTimeout, false);
    }

    static DatabaseSettings from(ConfigValues values) {
        return new DatabaseSettings(values.get(URL), values.get(USER), values.get(PASSWORD), values.get(POOL_SIZE),
                values.get(CONNECT_TIMEOUT), values.get(REQUIRE_EXTERNAL));
    }

    /**
     * Whether {@code url} names a database outside this process, shared by every instance that names it: anything but
     * an embedded H2 database (a file or memory); H2's own server ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}) counts.
     */
    public static boolean external(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return !lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:");
    }

    /** The URL as logs and messages show it: a password written into it is hidden. */
    public String shownUrl() {
        return shown(url);
    }

    private static String shown(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1<hidden>");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + shownUrl() + ", user=" + user + ", poolSize=" + poolSize + ", requireExternal="
                + requireExternal + "]";
    }
}
