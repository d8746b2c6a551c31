package io.mathsketch.server.testing;

import java.util.Map;

/** A database for one test class: fresh on every run, and stoppable to test outages. */
public interface TestDatabase extends AutoCloseable {

    String url();

    String user();

    String password();

    /** The server's {@code db.url}, {@code db.user} and {@code db.password} for this database. */
    default Map<String, String> connection() {
        return Map.of("db.url", url(), "db.user", user(), "db.password", password());
    }

    /** Whether {@link #stop()} and {@link #restart()} are supported (not for an external server). */
    boolean canStop();

    /** Makes the database unreachable, as a crash or network partition would. */
    void stop();

    /** Brings it back on the same address with the same data. */
    void restart();

    @Override
    void close();
}
