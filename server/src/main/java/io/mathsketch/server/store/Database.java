package io.mathsketch.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcParametersConfig;
import io.mathsketch.server.config.DatabaseSettings;
import org.flywaydb.core.Flyway;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connection pool, the schema and the Helidon DB client over them. The pool starts even when the database is
 * down; migrations then run on the first successful contact, so the server can start before its database.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    /** Connection timeouts an embedded database's first connection may take at start-up (see firstConnection). */
    private static final int EMBEDDED_START_TRIES = 4;
    /** What {@link #embeddedDefaults} adds to an embedded H2 file URL that does not set it. */
    private static final List<String> EMBEDDED_DEFAULTS =
            List.of("DB_CLOSE_ON_EXIT=FALSE", "WRITE_DELAY=0", "CACHE_SIZE=4096", "AUTO_COMPACT_FILL_RATE=50");

    private final HikariDataSource dataSource;
    private final DbClient client;
    private final DbStatements statements;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private final boolean embeddedFile;

    private Database(HikariDataSource dataSource, DbClient client, DbStatements statements, boolean embeddedFile) {
        this.dataSource = dataSource;
        this.client = client;
        this.statements = statements;
        this.embeddedFile = embeddedFile;
    }

    /**
     * Opens the pool and tries to migrate the schema.
     *
     * @param settings connection settings
     * @param statements the {@code db.statements} configuration node (named SQL statements)
     */
    public static Database open(DatabaseSettings settings, Config statements) {
        if (isEmbeddedFile(settings.url())) {
            EmbeddedFileFolder.prepare(settings.url());
        }
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("mathsketch");
        pool.setJdbcUrl(embeddedDefaults(settings.url()));
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        pool.setValidationTimeout(Math.max(250, settings.connectTimeout().toMillis() / 2));
        // Never fail start-up because the database is not there yet: requests report it instead.
        pool.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(pool);
        DbStatements named = DbStatements.create(statements);
        DbClient client = JdbcClientBuilder.create()
                .connectionPool(() -> EvictedOnFailedSetup.wrap(connect(dataSource), dataSource::evictConnection))
                .statements(named)
                // Bind byte[] with setBytes and strings with setString: the default stream binding makes H2 create
                // a temporary LOB per parameter (PNG, pixels, readings JSON), the largest cost of an insert there.
                .parametersSetter(JdbcParametersConfig.builder()
                        .useByteArrayBinding(false)
                        .useStringBinding(false)
                        .build())
                .build();
        Database database = new Database(dataSource, client, named, isEmbeddedFile(settings.url()));
        try (Connection probe = firstConnection(dataSource, settings.url())) {
            LOG.log(Level.DEBUG, "Database answers: " + probe.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Database " + settings.shownUrl() + " is not available yet; recognitions will not be"
                    + " stored until it is: " + e.getMessage());
            return database;
        }
        try {
            // Reachable: a migration that fails now is a real problem (edited migration, foreign schema), not an
            // outage, so it stops start-up instead of leaving a server that can never store anything.
            database.ensureMigrated();
        } catch (RuntimeException e) {
            database.close();
            throw new IllegalStateException("Database " + settings.shownUrl() + ": schema migration failed: "
                    + e.getMessage(), e);
        }
        return database;
    }

    /**
     * The start-up probe. An embedded database cannot be unreachable, only slow: its first connection loads and opens
     * the engine in this JVM, which on a busy machine, while the models load beside it, can outlast the connection
     * timeout meant for a database over the network; so it is given a few more tries before being reported missing.
     */
    private static Connection firstConnection(HikariDataSource dataSource, String url) throws SQLException {
        int tries = isEmbedded(url) ? EMBEDDED_START_TRIES : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (attempt >= tries) {
                    throw e;
                }
            }
        }
    }

    private static boolean isEmbedded(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    }

    private static boolean isEmbeddedFile(String url) {
        return isEmbedded(url) && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:");
    }

    /** Whether this is an embedded H2 file database, which this process alone writes (not memory, not a server). */
    boolean isEmbeddedFile() {
        return embeddedFile;
    }

    /**
     * The settings an embedded H2 file database gets unless its URL sets them:
     * <ul>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2 closes itself in a JVM shutdown hook by default, which can run while the
     * server is still committing its last rows; the server closes the pool itself.</li>
     * <li>{@code WRITE_DELAY=0} (H2: 500 ms): each commit is written to the file before it returns, so a row
     * answered as stored, a correction or a delete survives the process being killed (SIGKILL, the OOM killer):
     * at 50 ms the commits of the last 50 ms were lost with it ({@code KilledServerTest}). H2 then runs no background
     * writer, so it compacts the file only when it closes; chunks left wholly dead are freed at every commit once
     * older than H2's retention time, which the retention job shortens ({@link EmbeddedFileSync}).</li>
     * <li>{@code CACHE_SIZE=4096} KB (H2: 16 MB). H2 keeps every changed page on the heap until it writes them
     * out, by default after 500 ms or ~19 MB of them, then keeps the written pages in its page cache: each
     * stored recognition's pages outlived a few young collections and were promoted, so under load the old
     * generation filled with dead pages and ParallelGC ran a full collection every few seconds (86-114 ms, every
     * ~2.5 s at 64 connections). Written out soon (every 50 ms when this was measured, at every commit now) and
     * cached briefly, they die young (docs/benchmarks.md: promoted bytes per request before and after). Inserts
     * append to the indexes (ids and times grow, owners are few), so a small cache serves them; listings read
     * older pages from the file.</li>
     * <li>{@code AUTO_COMPACT_FILL_RATE=50} (H2: 90). Every commit rewrites the tail of each index, so a chunk
     * written 50 ms ago is soon partly dead; at H2's 90% target its background writer kept reading live pages
     * back from the file and writing them again, each a leaf full of stored PNGs: 28% of the heap allocated
     * under canvas load (async-profiler, allocation mode) and the objects that filled the old generation between
     * full collections. At 50% the file may hold up to about twice its live data before chunks are rewritten;
     * wholly dead chunks are freed either way. Compaction only moves committed pages: what a commit acknowledged
     * stays as durable as before. It is H2's background writer that compacts, so this applies to a URL that sets
     * a {@code WRITE_DELAY} above 0 of its own.</li>
     * </ul>
     * Server-mode ({@code tcp:}, {@code ssl:}) and in-memory URLs are left alone.
     */
    static String embeddedDefaults(String url) {
        if (!isEmbeddedFile(url)) {
            return url;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        StringBuilder withDefaults = new StringBuilder(url);
        for (String setting : EMBEDDED_DEFAULTS) {
            String key = setting.substring(0, setting.indexOf('=')).toLowerCase(Locale.ROOT);
            if (!lower.contains(";" + key + "=")) {
                withDefaults.append(';').append(setting);
            }
        }
        return withDefaults.toString();
    }

    public DbClient client() {
        return client;
    }

    /**
     * A pooled JDBC connection, for the one statement that runs too often to go through the DB client (the group
     * commit's insert); close it to return it.
     *
     * @throws DbClientException when none can be had, as the DB client reports it
     */
    Connection connection() {
        return connect(dataSource);
    }

    private static Connection connect(HikariDataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("no database connection: " + e.getMessage(), e);
        }
    }

    /** The SQL of a named statement of {@code db.statements}. */
    String statement(String name) {
        return statements.statement(name);
    }

    /** Applies pending Flyway migrations once; cheap after the first success. */
    public void ensureMigrated() {
        if (migrated.get()) {
            return;
        }
        synchronized (migrated) {
            if (!migrated.get()) {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                migrated.set(true);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        dataSource.close();
    }
}
