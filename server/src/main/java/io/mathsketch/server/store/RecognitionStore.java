package io.mathsketch.server.store;

import java.util.ArrayList;
import io.mathsketch.engine.expression.Symbol;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatementQuery;
import io.mathsketch.engine.Recognition;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and writes recognitions with the named statements of {@code db.statements}. Every method throws
 * {@link StoreUnavailableException} when the database cannot be used (callers decide what that means for the
 * client) and {@link StoreQueryException} when it answered but refused the statement, which says nothing about
 * its availability.
 */
public final class RecognitionStore {

    private static final String INSERT = "insert-recognition";
    private static final String DELETE = "retention-delete";
    private static final String ADD_BYTES = "stored-bytes-add";
    private static final String OWNER_ADD = "owner-bytes-add";
    private static final String OWNER_INSERT = "owner-bytes-insert";
    private static final String OWNER_DROP_EMPTY = "owner-bytes-drop-empty";
    private static final String OWNER_TOTALS = "owner-bytes-of";
    /**
     * The holder (row of {@code owner_stored_bytes}, V7 migration) of the rows stored before owners were recorded:
     * the empty string, which no owner key (64 hex characters) can be.
     */
    static final String NO_OWNER = "";
    /**
     * Holders one eviction batch looks at: with many holders of about the same size (ids rotated to spread uploads),
     * a batch deletes up to this many rows, one per holder, in one transaction.
     */
    static final int HOLDERS_PER_BATCH = 32;
    /** Rows of {@code stored_bytes_total} (V5 migration): slots 0 to 15, one taken at random per transaction. */
    static final int TOTAL_SLOTS = 16;

    /**
     * A holder's rows one eviction batch reads first ({@link Holder#next}); more, twice as many each time, if the
     * batch takes them all.
     */
    static final int FIRST_READ = 8;

    /** Holders read by primary key in one statement: an array parameter of at most this many. */
    private static final int HOLDERS_PER_READ = 500;

    private final Database database;
    private final GrownHolders grown = new GrownHolders();

    public RecognitionStore(Database database) {
        this.database = database;
    }

    /** The database this store writes to, for the retention job's sync of an embedded file. */
    Database database() {
        return database;
    }

    /**
     * Inserts all rows in one transaction: all are committed, or none, and their bytes with them in the stored
     * total. Plain JDBC, one prepared statement for the whole batch: through the DB client every row paid for a
     * statement of its own (prepared, bound through the client's parameter handling, closed). What is left is the
     * database's own work on the row and its indexes.
     */
    public void insertAll(List<RecognitionRecord> records) {
        Map<String, Long> byOwner = new TreeMap<>();
        guard(() -> {
            try (Connection connection = database.connection()) {
                return inTransaction(connection, () -> {
                    try (PreparedStatement insert = connection.prepareStatement(database.statement(INSERT))) {
                        long bytes = 0;
                        byOwner.clear();
                        for (RecognitionRecord record : records) {
                            long rowBytes = bindInsert(insert, record);
                            bytes += rowBytes;
                            byOwner.merge(record.owner().orElse(NO_OWNER), rowBytes, Long::sum);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        addToOwners(connection, byOwner);
                        // Last before the commit: the slot's row lock is then held only while the commit lasts.
                        addToTotal(connection, bytes);
                        return records.size();
                    }
                });
            } catch (SQLException e) {
                throw new DbClientException("insert of " + records.size() + " recognitions failed: " + e.getMessage(),
                        e);
            }
        });
        // Only once committed: a job reading a total before the commit would see it unchanged and drop the holder.
        grown.add(byOwner.keySet());
    }

    /** The holders whose totals this store's inserts raised: the hand-off to its instance's {@link RetentionJob}. */
    GrownHolders grownHolders() {
        return grown;
    }

    /** The row of this id, whoever owns it (the admin's view, retention and tests). */
    public Optional<RecognitionRecord> find(String id) {
        return find(id, Optional.empty());
    }

    /**
     * The row of this id if {@code owner} owns it (empty: whoever does). The owner is part of the statement, so another
     * client's row is never read: read and then filtered, its size made the answer slower than for an unknown id, which
     * told a client holding someone's id whether that recognition still existed.
     */
    public Optional<RecognitionRecord> find(String id, Optional<String> owner) {
        return guard(() -> (owner.isPresent()
                ? client().execute().createNamedGet("select-recognition-of-owner").addParam("owner", owner.get())
                : client().execute().createNamedGet("select-recognition"))
                .addParam("id", id).execute()
                .map(RecognitionRows::toRecord));
    }

    /**
     * Newest first, strictly after the cursor; at most {@code limit} items plus the cursor of the next page. The items
     * carry no original image ({@link RecognitionRecord#original()} empty): no listing shows one, and reading them
     * cost up to a client's whole retention share per page ({@link #find} reads it).
     *
     * @param owner only rows of this owner key; empty for every row (the admin's listing)
     */
    public Page page(int limit, Optional<Cursor> after, Optional<String> label, Optional<String> model,
                     Optional<String> owner) {
        return guard(() -> pageOf(limit, after.orElse(Cursor.START), label, model, owner));
    }

    private Page pageOf(int limit, Cursor from, Optional<String> label, Optional<String> model,
                        Optional<String> owner) {
        List<RecognitionRecord> rows;
        // Two statements rather than one with "(:all OR owner = :owner)", which would keep the planner from walking
        // the owner index for the common, per-client listing.
        DbStatementQuery query = owner.isPresent()
                ? client().execute().createNamedQuery("select-page-of-owner").addParam("owner", owner.get())
                : client().execute().createNamedQuery("select-page");
        try (Stream<DbRow> stream = query
                .addParam("beforeId", from.id())
                .addParam("model", model.orElse(""))
                .addParam("label", label.orElse(""))
                .addParam("limit", limit + 1)
                .execute()) {
            rows = stream.map(RecognitionRows::toRecord).toList();
        }
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<RecognitionRecord> items = rows.subList(0, limit);
        RecognitionRecord last = items.getLast();
        return new Page(items, Optional.of(new Cursor(last.createdAt(), last.id())));
    }

    /** Sets the feedback label; false when no recognition has that id. */
    public boolean setFeedback(String id, RecognitionRecord.Feedback feedback) {
        return guard(() -> client().execute().createNamedUpdate("update-feedback")
                .addParam("label", feedback.label())
                .addParam("at", utc(feedback.at()))
                .addParam("id", id)
                .execute() > 0);
    }

    /**
     * Deletes one recognition and everything kept with it (its row holds the input, the original image or ink, the
     * readings and the feedback), with its bytes from the stored total, in one transaction; false when no row has
     * that id (never stored, purged, or deleted first by another request or instance).
     */
    public boolean delete(String id) {
        return guard(() -> {
            Optional<Victim> row = client().execute().createNamedGet("select-stored-bytes").addParam("id", id)
                    .execute().map(r -> new Victim(id, RecognitionRows.number(r, "stored_bytes"), holder(r)));
            // The size and owner cannot change under us (no statement updates them); a row deleted between the read
            // and the delete counts 0 there, so its bytes are never subtracted twice.
            return row.isPresent() && delete(List.of(row.get())).rows() > 0;
        });
    }

    /**
     * Deletes recognitions oldest first, among those created before {@code before}, until at least {@code bytes} of
     * them are gone ({@code Long.MAX_VALUE}: all of them), one {@link #deleteOldestBatch batch} after another.
     */
    Purged deleteOldest(Instant before, long bytes, int batch) {
        Purged purged = Purged.NONE;
        long reached = 0;
        while (reached < bytes) {
            Batch done = deleteOldestBatch(before, bytes - reached, batch);
            purged = purged.plus(done.purged());
            reached += done.reached();
            if (!done.more()) {
                break;
            }
        }
        return purged;
    }

    /**
     * Deletes at most {@code batch} recognitions, oldest first among those created before {@code before}, stopping
     * at the first that brings the bytes deleted to {@code bytes}; one short transaction. Instances purging at once
     * walk the same oldest rows, so together they delete what one would; each subtracts from the stored total only
     * the rows its own statements deleted, and reports only those.
     */
    public Batch deleteOldestBatch(Instant before, long bytes, int batch) {
        return guard(() -> {
            List<DbRow> oldest;
            try (Stream<DbRow> stream = client().execute().createNamedQuery("retention-oldest")
                    .addParam("beforeId", RecognitionIds.firstAtOrAfter(before))
                    .addParam("before", utc(before))
                    .addParam("limit", batch)
                    .execute()) {
                oldest = stream.toList();
            }
            List<Victim> victims = new ArrayList<>();
            long reached = 0;
            for (DbRow row : oldest) {
                victims.add(victim(row));
                reached += victims.getLast().bytes();
                if (reached >= bytes) {
                    break;
                }
            }
            Purged purged = victims.isEmpty() ? Purged.NONE : delete(victims);
            return new Batch(purged, reached, oldest.size() == batch && reached < bytes);
        });
    }

    /**
     * Every client holding more than {@code share} bytes: a scan of {@code owner_stored_bytes} (no index orders it by
     * bytes since V9), which the {@link RetentionJob} runs at start-up and then now and again; between those it reads
     * only the totals that grew ({@link #holderTotals}). The rows from before owners were recorded belong to no
     * client and are left to {@code max-age} and the cap.
     */
    Set<String> holdersOverShare(long share) {
        return guard(() -> {
            try (Stream<DbRow> rows = client().execute().createNamedQuery("retention-holders-over-share")
                    .addParam("share", share).execute()) {
                return rows.map(row -> RecognitionRows.string(row, "owner").trim())
                        .collect(Collectors.toCollection(HashSet::new));
            }
        });
    }

    /** The {@code limit} largest holders, the largest first: a scan of {@code owner_stored_bytes} since V9. */
    List<HolderTotal> largestHolders(int limit) {
        return guard(() -> {
            try (Stream<DbRow> rows = client().execute().createNamedQuery("retention-largest-holders")
                    .addParam("limit", limit).execute()) {
                return rows.map(row -> new HolderTotal(RecognitionRows.string(row, "owner").trim(),
                        RecognitionRows.number(row, "bytes"))).toList();
            }
        });
    }

    /**
     * The current totals of these holders, read by primary key, the largest first (then by owner, descending, as
     * {@link #largestHolders}); a holder without a row (all its recognitions gone) is not in the answer.
     */
    List<HolderTotal> holderTotals(Collection<String> holders) {
        if (holders.isEmpty()) {
            return List.of();
        }
        return guard(() -> {
            List<String> all = List.copyOf(holders);
            List<HolderTotal> totals = new ArrayList<>();
            try (Connection connection = database.connection();
                 PreparedStatement read = connection.prepareStatement(database.statement(OWNER_TOTALS))) {
                for (int from = 0; from < all.size(); from += HOLDERS_PER_READ) {
                    Object[] chunk = all.subList(from, Math.min(all.size(), from + HOLDERS_PER_READ)).toArray();
                    java.sql.Array owners = connection.createArrayOf("VARCHAR", chunk);
                    try {
                        read.setArray(1, owners);
                        try (ResultSet rows = read.executeQuery()) {
                            while (rows.next()) {
                                totals.add(new HolderTotal(rows.getString(1).trim(), rows.getLong(2)));
                            }
                        }
                    } finally {
                        owners.free();
                    }
                }
            } catch (SQLException e) {
                throw new DbClientException("reading " + all.size() + " client totals failed: " + e.getMessage(), e);
            }
            totals.sort(LARGEST_FIRST);
            return totals;
        });
    }

    /**
     * Deletes, from {@code holders} (totals as just read, the largest first), their own oldest recognitions (those
     * without a correction first): at most {@code batch} rows, each from the holder now largest, until {@code bytes}
     * are reached, or the largest is at or under {@code floor} (a share: nobody is taken below it) or under
     * {@code boundary} (a holder not in the list may be that large); one short transaction, nobody else's rows.
     *
     * @return {@code reached} 0 when none of them had a row to take within those bounds
     */
    Batch deleteFromHoldersBatch(List<HolderTotal> holders, long boundary, long floor, long bytes, int batch) {
        return guard(() -> evict(holders.stream().map(h -> new Holder(h.owner(), h.bytes())).toList(), boundary,
                floor, bytes, batch));
    }

    /**
     * Greedy eviction over {@code holders}: takes the oldest row of the holder now largest, again and again, until
     * {@code bytes} are reached, {@code batch} rows are taken, or the largest is at or under {@code floor} (its share)
     * or under {@code boundary} (the smallest holder read, as large as any not read); then deletes them in one
     * transaction.
     */
    private Batch evict(List<Holder> holders, long boundary, long floor, long bytes, int batch) {
        PriorityQueue<Holder> largest = new PriorityQueue<>(Comparator.comparingLong((Holder h) -> h.current)
                .thenComparing(h -> h.owner).reversed());
        largest.addAll(holders);
        List<Victim> victims = new ArrayList<>();
        long reached = 0;
        while (reached < bytes && victims.size() < batch && !largest.isEmpty()) {
            Holder holder = largest.poll();
            if (holder.current <= floor || holder.current < boundary) {
                break;
            }
            Optional<Victim> next = holder.next(batch - victims.size());
            if (next.isEmpty()) {
                if (holder.taken == 0) {
                    dropStale(holder);
                }
                continue; // its total counts rows it no longer has: the others are still worth a look
            }
            victims.add(next.get());
            holder.current -= next.get().bytes();
            holder.taken++;
            reached += next.get().bytes();
            largest.add(holder);
        }
        Purged purged = victims.isEmpty() ? Purged.NONE : delete(victims);
        return new Batch(purged, reached, victims.size() == batch && reached < bytes);
    }

    /**
     * A holder whose rows are all gone while its total says otherwise: the total of a client whose rows an instance
     * from before the V7 migration deleted. Dropped only if its total has not changed since it was read (an insert
     * that committed since changed it), so a client that is storing keeps its row.
     */
    private void dropStale(Holder holder) {
        client().execute().createNamedDelete("retention-drop-stale-holder")
                .addParam("owner", holder.owner)
                .addParam("bytes", holder.read)
                .execute();
    }

    /**
     * The oldest rows of one holder after {@code afterId} (the empty string: from its first), of one kind: without a
     * correction, or with one.
     */
    private List<Victim> oldestOf(String owner, boolean uncorrected, String afterId, int limit) {
        DbStatementQuery query = owner.equals(NO_OWNER)
                ? client().execute().createNamedQuery("retention-oldest-without-owner")
                : client().execute().createNamedQuery("retention-oldest-of-owner").addParam("owner", owner);
        try (Stream<DbRow> rows = query.addParam("afterId", afterId).addParam("uncorrected", uncorrected)
                .addParam("limit", limit).execute()) {
            return rows.map(RecognitionStore::victim).toList();
        }
    }

    private static Victim victim(DbRow row) {
        return new Victim(RecognitionRows.string(row, "id").trim(), RecognitionRows.number(row, "stored_bytes"),
                holder(row));
    }

    /** The holder a row counts for: its owner key, or {@link #NO_OWNER}. */
    private static String holder(DbRow row) {
        String owner = RecognitionRows.string(row, "owner");
        return owner == null ? NO_OWNER : owner.trim();
    }

    /** Largest total first, then the owner, descending: the order of {@code retention-largest-holders}. */
    static final Comparator<HolderTotal> LARGEST_FIRST = Comparator.comparingLong(HolderTotal::bytes)
            .thenComparing(HolderTotal::owner).reversed();

    /** A holder's total (a client's, or {@link #NO_OWNER}'s) as read. */
    record HolderTotal(String owner, long bytes) {
    }

    /** A row to delete: its bytes come off the stored total and off its holder's. */
    private record Victim(String id, long bytes, String holder) {
    }

    /** One client's total as a batch read it, and what the batch has taken from it so far. */
    private final class Holder {
        final String owner;
        /** The total as read: {@link #dropStale} compares it. */
        final long read;
        long current;
        int taken;
        private final ArrayDeque<Victim> rows = new ArrayDeque<>();
        /** Rows the next read asks for: {@link #FIRST_READ}, doubled after each read the batch used up. */
        private int chunk = FIRST_READ;
        /** The kind being read (rows without a correction go first), and the last id read of it. */
        private boolean uncorrected = true;
        private String lastId = "";
        private boolean exhausted;

        Holder(String owner, long bytes) {
            this.owner = owner;
            this.read = bytes;
            this.current = bytes;
        }

        /**
         * Its next row to go. Read in chunks after the last row read, the first of {@link #FIRST_READ}, then twice as
         * many each time, never more than the batch can still take ({@code room}): at the cap a holder typically loses
         * a few rows per batch, and reading {@code batch} of its rows to take those few (the whole row each, its
         * images with it) was most of a purge's time (docs/benchmarks.md, "Retention at the cap"). The rows without
         * a correction, and only when they run out those with one.
         */
        Optional<Victim> next(int room) {
            while (rows.isEmpty() && !exhausted) {
                int limit = Math.max(1, Math.min(chunk, room));
                List<Victim> read = oldestOf(owner, uncorrected, lastId, limit);
                rows.addAll(read);
                chunk *= 2;
                if (!read.isEmpty()) {
                    lastId = read.getLast().id();
                }
                if (read.size() < limit) {
                    // This kind has no more rows (older than those read): the next kind from its first row.
                    exhausted = !uncorrected;
                    uncorrected = false;
                    lastId = "";
                }
            }
            return Optional.ofNullable(rows.poll());
        }
    }

    /**
     * Deletes rows by id in one transaction with their bytes from the stored total and from their holders'. A row
     * another instance deleted first counts 0 in this batch (its delete waited for that one's commit), so no row is
     * ever subtracted twice. Rows are deleted in id order and holders changed in key order, whoever deletes: two
     * transactions never wait for each other's locks in a cycle.
     */
    private Purged delete(List<Victim> victims) {
        List<Victim> sorted = victims.stream().sorted(Comparator.comparing(Victim::id)).toList();
        try (Connection connection = database.connection()) {
            return inTransaction(connection, () -> {
                try (PreparedStatement delete = connection.prepareStatement(database.statement(DELETE))) {
                    for (Victim victim : sorted) {
                        delete.setString(1, victim.id());
                        delete.addBatch();
                    }
                    int[] counts = delete.executeBatch();
                    long rows = 0;
                    long bytes = 0;
                    Map<String, Long> byOwner = new TreeMap<>();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] < 0) {
                            // SUCCESS_NO_INFO: without each row's count the total could not be kept exact.
                            throw new SQLException("the driver did not report which rows the purge deleted");
                        }
                        if (counts[i] > 0) {
                            rows++;
                            bytes += sorted.get(i).bytes();
                            byOwner.merge(sorted.get(i).holder(), -sorted.get(i).bytes(), Long::sum);
                        }
                    }
                    addToOwners(connection, byOwner);
                    addToTotal(connection, -bytes);
                    return new Purged(rows, bytes);
                }
            });
        } catch (SQLException e) {
            throw new DbClientException("delete of " + victims.size() + " recognitions failed: " + e.getMessage(), e);
        }
    }

    /**
     * Adds to each holder's total, in the caller's transaction and in key order ({@code byOwner} is sorted). A holder
     * without a row gets one (inserted under a savepoint: when another transaction inserted it first, the add is tried
     * again on its row); a holder left with nothing loses its row, so the table holds only clients that hold rows.
     */
    private void addToOwners(Connection connection, Map<String, Long> byOwner) throws SQLException {
        if (byOwner.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Long>> missing = new ArrayList<>();
        try (PreparedStatement add = connection.prepareStatement(database.statement(OWNER_ADD))) {
            List<Map.Entry<String, Long>> entries = List.copyOf(byOwner.entrySet());
            for (Map.Entry<String, Long> entry : entries) {
                add.setLong(1, entry.getValue());
                add.setString(2, entry.getKey());
                add.addBatch();
            }
            int[] counts = add.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    throw new SQLException("the driver did not report which client totals it changed");
                }
                if (counts[i] == 0 && entries.get(i).getValue() > 0) {
                    missing.add(entries.get(i));
                }
                // A row deleted with no total to take it from (an instance before V7 stored it): nothing to change.
            }
        }
        for (Map.Entry<String, Long> entry : missing) {
            insertOwner(connection, entry.getKey(), entry.getValue());
        }
        if (byOwner.values().stream().anyMatch(bytes -> bytes < 0)) {
            try (PreparedStatement drop = connection.prepareStatement(database.statement(OWNER_DROP_EMPTY))) {
                for (Map.Entry<String, Long> entry : byOwner.entrySet()) {
                    if (entry.getValue() < 0) {
                        drop.setString(1, entry.getKey());
                        drop.addBatch();
                    }
                }
                drop.executeBatch();
            }
        }
    }

    /** Inserts a holder's row, or adds to it when a concurrent transaction inserted it first. */
    private void insertOwner(Connection connection, String owner, long bytes) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(database.statement(OWNER_INSERT))) {
                insert.setString(1, owner);
                insert.setLong(2, bytes);
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
                return;
            } catch (SQLException duplicate) {
                // PostgreSQL refuses every later statement of a transaction with a failed one, unless rolled back to
                // before it.
                connection.rollback(savepoint);
                try (PreparedStatement add = connection.prepareStatement(database.statement(OWNER_ADD))) {
                    add.setLong(1, bytes);
                    add.setString(2, owner);
                    if (add.executeUpdate() == 1) {
                        return;
                    }
                }
                if (attempt == 3) {
                    throw duplicate; // neither inserted nor there: not a race with another insert
                }
            }
        }
    }

    /**
     * Runs {@code work} as one transaction on {@code connection}: commits when it returns, rolls back when it (or the
     * commit) throws, with a failure of the rollback added to the thrown exception as suppressed. Auto-commit, when it
     * was on, is turned off for the work and back on after it, so the connection leaves as it came (a failure to turn
     * it back on after a failed transaction is suppressed in the same way; after a commit it is thrown, as the pool
     * would throw it on close).
     */
    private static <T> T inTransaction(Connection connection, TransactionWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        T result;
        try {
            result = work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            if (autoCommit) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException | RuntimeException restoreFailure) {
                    e.addSuppressed(restoreFailure);
                }
            }
            throw e;
        }
        if (autoCommit) {
            connection.setAutoCommit(true);
        }
        return result;
    }

    /** The statements of one transaction ({@link #inTransaction}). */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T run() throws SQLException;
    }

    /** Adds to one slot of the stored total, in the caller's transaction. */
    private void addToTotal(Connection connection, long bytes) throws SQLException {
        if (bytes == 0) {
            return;
        }
        try (PreparedStatement add = connection.prepareStatement(database.statement(ADD_BYTES))) {
            int slot = ThreadLocalRandom.current().nextInt(TOTAL_SLOTS);
            add.setLong(1, bytes);
            add.setInt(2, slot);
            if (add.executeUpdate() != 1) {
                throw new SQLException("stored_bytes_total has no slot " + slot + " (V5 migration)");
            }
        }
    }

    /**
     * Bytes held by every stored recognition's images and texts: the running total the inserts and deletes keep
     * (equal to the sum of {@code stored_bytes} over the rows, read without reading them).
     */
    public long totalBytes() {
        return guard(() -> client().execute().createNamedGet("retention-total-bytes").execute()
                .map(row -> RecognitionRows.number(row, "total")).orElse(0L));
    }

    public Stats stats() {
        return guard(this::computeStats);
    }

    private Stats computeStats() {
        Map<Recognition.ModelRef, long[][]> confusion = new HashMap<>();
        try (Stream<DbRow> rows = client().execute().createNamedQuery("confusion-by-model").execute()) {
            rows.forEach(row -> {
                int truth = digit(RecognitionRows.string(row, "feedback_label"));
                int predicted = digit(RecognitionRows.string(row, "text"));
                if (truth >= 0 && predicted >= 0) {
                    Recognition.ModelRef model = new Recognition.ModelRef(
                            RecognitionRows.string(row, "model_name"), RecognitionRows.string(row, "model_version"));
                    confusion.computeIfAbsent(model, m -> new long[10][10])[truth][predicted]
                            += RecognitionRows.number(row, "n");
                }
            });
        }
        Map<Recognition.ModelRef, long[][]> symbolConfusion = new HashMap<>();
        try (Stream<DbRow> rows = client().execute().createNamedQuery("symbol-confusion-by-model").execute()) {
            rows.forEach(row -> {
                List<Symbol> truth = symbols(RecognitionRows.string(row, "feedback_label"));
                List<Symbol> read = symbols(RecognitionRows.string(row, "text"));
                if (truth.isEmpty() || truth.size() != read.size()) {
                    return; // a symbol missed or added: no place-by-place pairing to count
                }
                Recognition.ModelRef model = new Recognition.ModelRef(
                        RecognitionRows.string(row, "model_name"), RecognitionRows.string(row, "model_version"));
                long[][] counts = symbolConfusion.computeIfAbsent(model,
                        m -> new long[Symbol.values().length][Symbol.values().length]);
                long n = RecognitionRows.number(row, "n");
                for (int i = 0; i < truth.size(); i++) {
                    counts[truth.get(i).ordinal()][read.get(i).ordinal()] += n;
                }
            });
        }
        List<Stats.ModelStats> models;
        try (Stream<DbRow> rows = client().execute().createNamedQuery("stats-by-model").execute()) {
            models = rows.map(row -> {
                Recognition.ModelRef model = new Recognition.ModelRef(
                        RecognitionRows.string(row, "model_name"), RecognitionRows.string(row, "model_version"));
                return new Stats.ModelStats(model, RecognitionRows.number(row, "total"),
                        RecognitionRows.number(row, "corrected"), RecognitionRows.number(row, "correct"),
                        confusion.getOrDefault(model, new long[10][10]),
                        Optional.ofNullable(symbolConfusion.get(model)));
            }).toList();
        }
        return new Stats(models);
    }

    /** Round trip to the database; throws when it does not answer. */
    public void ping() {
        guard(() -> {
            try (Stream<DbRow> rows = client().execute().createNamedQuery("ping").execute()) {
                return rows.count();
            }
        });
    }

    /** Runs an operation on a migrated schema, reporting database failures as one exception type. */
    private <T> T guard(Supplier<T> operation) {
        try {
            database.ensureMigrated();
            return operation.get();
        } catch (DbClientException | FlywayException e) {
            if (StoreFailures.isStatementError(e)) {
                throw new StoreQueryException(e);
            }
            throw new StoreUnavailableException(e);
        }
    }

    private DbClient client() {
        return database.client();
    }

    /**
     * Binds the insert's values in the order of its column list ({@code insert-recognition}).
     *
     * @return the row's {@code stored_bytes}
     */
    private static long bindInsert(PreparedStatement insert, RecognitionRecord r) throws SQLException {
        String readings = ReadingsJson.encode(r.labels(), r.readings());
        int i = 0;
        insert.setString(++i, r.id());
        insert.setObject(++i, utc(r.createdAt()));
        insert.setString(++i, r.mode());
        insert.setString(++i, r.text());
        insert.setDouble(++i, r.confidence());
        insert.setString(++i, readings);
        insert.setBytes(++i, r.inputPixels());
        if (r.original().isPresent()) {
            insert.setBytes(++i, r.original().get());
        } else {
            insert.setNull(++i, Types.VARBINARY);
        }
        insert.setString(++i, r.contentType().orElse(null));
        insert.setString(++i, r.model().name());
        insert.setString(++i, r.model().version());
        insert.setString(++i, r.engine());
        insert.setString(++i, r.device());
        insert.setLong(++i, r.timings().preprocessNanos());
        insert.setLong(++i, r.timings().queueNanos());
        insert.setLong(++i, r.timings().inferenceNanos());
        insert.setLong(++i, r.timings().postprocessNanos());
        insert.setString(++i, r.owner().orElse(null));
        long storedBytes = storedBytes(r, readings);
        insert.setLong(++i, storedBytes);
        return storedBytes;
    }

    /**
     * Bytes a row holds in its images and texts, which {@code store.retention.max-bytes} counts; the same sum as the
     * backfill of the migration that added the column (characters of the ASCII texts count as bytes).
     */
    static long storedBytes(RecognitionRecord r, String readingsJson) {
        return r.imageBytes() + readingsJson.length() + r.text().length();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The symbols of a stored expression text (canonical characters), or empty when one is not a symbol. */
    private static List<Symbol> symbols(String text) {
        List<Symbol> symbols = new ArrayList<>();
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                Optional<Symbol> symbol = Symbol.of(text.charAt(i));
                if (symbol.isEmpty()) {
                    return List.of();
                }
                symbols.add(symbol.get());
            }
        }
        return symbols;
    }

    private static int digit(String label) {
        return label != null && label.length() == 1 && Character.isDigit(label.charAt(0)) ? label.charAt(0) - '0' : -1;
    }

    /** What a purge deleted. */
    public record Purged(long rows, long bytes) {

        public static final Purged NONE = new Purged(0, 0);

        public Purged plus(Purged other) {
            return new Purged(rows + other.rows, bytes + other.bytes);
        }
    }

    /**
     * One batch of a purge.
     *
     * @param purged what this instance deleted (rows another instance deleted first are not counted)
     * @param reached bytes of the rows the batch walked, whoever deleted them
     * @param more whether older rows may remain that the batch's byte target did not reach (a full batch was read)
     */
    public record Batch(Purged purged, long reached, boolean more) {
    }

    /** One page of the listing. */
    public record Page(List<RecognitionRecord> items, Optional<Cursor> next) {
    }
}
