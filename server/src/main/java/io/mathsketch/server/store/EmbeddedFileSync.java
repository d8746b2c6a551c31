package io.mathsketch.server.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps an open embedded H2 file near the size of what it holds, in a step after each retention purge
 * ({@link RetentionJob}). Deleting rows did not: under a flood of stored recognitions through a 30 MB
 * {@code store.retention.max-bytes} the file passed 3 GB in two minutes and kept growing (docs/benchmarks.md).
 * H2 writes every commit as a new chunk ({@code WRITE_DELAY=0}, {@link Database#embeddedDefaults}) and reuses the space
 * of a dead chunk only once the chunk is older than its retention time, 45 s by default, which assumes that the
 * operating system writes a file's buffers out within that time (so that a power cut never leaves the newest chunks
 * on disk pointing at space reused since). Under the flood 45 s of chunks were gigabytes.
 * <p>
 * Each step therefore forces the file to disk ({@code CHECKPOINT SYNC}), so that every chunk written before it is on
 * the device; with a step every {@code interval} the retention time can be {@link #RETENTION_INTERVALS} intervals with
 * the same guarantee, and is set so: never above H2's default, and never 0 (at 0 H2 can reuse a chunk its chunk map
 * still lists, "Double mark" on the next open, h2database issues 2752 and 4083; 2.5.250 showed it at 1 s too, issue
 * 4387, so check again before upgrading H2). A job that does not run on its own (a zero interval) leaves H2's
 * retention time alone.
 * <p>
 * No SQL command sets the retention time without storing it in the database for good ({@code SET RETENTION_TIME}),
 * which would outlive the steps it counts on, so this reaches H2's store through the JDBC connection: here only, and
 * only for an embedded H2 file ({@link #of}). Rewriting the live pages of mostly dead chunks as well
 * ({@code MVStore.compact}, what H2's background writer does) made no difference to the file under the flood and
 * cost a third of the stored request rate and several times its p99, so it is not done; nor
 * {@code MVStore.compactFile}, which sets the retention time to 0.
 */
final class EmbeddedFileSync {

    /** The retention time, in job intervals: every chunk older than that has been forced to disk by a step. */
    static final int RETENTION_INTERVALS = 5;
    /** H2's retention time (its {@code FileStore} default): the longest this sets. */
    static final Duration H2_RETENTION = Duration.ofSeconds(45);

    private final Database database;
    /** The retention time to set, or 0 to leave H2's. */
    private final int retentionMillis;

    private EmbeddedFileSync(Database database, int retentionMillis) {
        this.database = database;
        this.retentionMillis = retentionMillis;
    }

    /**
     * A sync for {@code database} when it is an embedded H2 file; none for any other database.
     *
     * @param interval how often the job runs a step (zero: only when called, so H2's retention time is kept)
     */
    static Optional<EmbeddedFileSync> of(Database database, Duration interval) {
        if (!database.isEmbeddedFile()) {
            return Optional.empty();
        }
        Duration retention = interval.multipliedBy(RETENTION_INTERVALS);
        int millis = interval.isZero() || retention.compareTo(H2_RETENTION) >= 0 ? 0 : (int) retention.toMillis();
        return Optional.of(new EmbeddedFileSync(database, millis));
    }

    /** One step: force the file to disk, then (the first time) shorten H2's retention time. */
    void run() {
        try (Connection connection = database.connection()) {
            try (Statement sync = connection.createStatement()) {
                sync.execute("CHECKPOINT SYNC");
            }
            if (retentionMillis == 0) {
                return;
            }
            MVStore store = store(connection);
            if (store != null && store.getRetentionTime() != retentionMillis) {
                store.setRetentionTime(retentionMillis);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("H2 file upkeep: " + e.getMessage(), e);
        }
    }

    private static MVStore store(Connection connection) throws SQLException {
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                && local.getDatabase().getStore() != null ? local.getDatabase().getStore().getMvStore() : null;
    }
}
