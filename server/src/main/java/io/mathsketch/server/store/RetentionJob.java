package io.mathsketch.server.store;

import io.mathsketch.server.config.RetentionSettings;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the store within {@code store.retention}: every {@code interval} (a second by default), deletes the
 * recognitions older than {@code max-age}; then, from each client holding more than {@code max-bytes-per-client},
 * its own oldest until it is within that share; then, while the store holds more than {@code max-bytes}, the oldest
 * of the clients holding the most, so one client's uploads take its own history first and never everyone's. Every
 * figure is a running total the store keeps (the store's and each client's, never a sum over the table). Among a
 * client's rows, those the user corrected go last. A store at its cap thus loses each second about the rows the last
 * second added, in a few small transactions, instead of a minute's rows in one burst: a burst's large delete
 * transactions made H2 hold megabytes of undo log and chunk buffers across young collections, which the heap promoted
 * (docs/benchmarks.md, "Retention at the cap"). On an embedded H2 file each purge ends by forcing the file to
 * disk, and a purge that lasts longer does so every interval ({@link EmbeddedFileSync}), so that H2 may reuse the
 * space of dead chunks after a few intervals instead of 45 s: deleting rows alone did not keep that file from growing.
 * <p>
 * The totals are read again before every batch, so an instance stops as soon as they are under their caps, whoever
 * deleted the rows. Several instances on one database may purge at once: they pick the same rows, so they only repeat
 * each other's work, and a row counts for the one that deleted it.
 * <p>
 * Which clients to look at: only a raised total can put a client over its share or among the largest holders, so
 * between full scans the job reads by primary key the totals its own store's inserts raised ({@link GrownHolders},
 * handed over after each commit) and, for the cap, the {@link #KEPT} largest holders it last read from the table. It
 * reads the whole {@code owner_stored_bytes} table (no index orders it by bytes since V9) at its first purge, every
 * {@code full-scan-interval}, and when the hand-off overflowed: what other instances' inserts raised is seen by their
 * own jobs, and by this one's at its next full scan.
 */
public final class RetentionJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    /**
     * Rows per delete transaction. H2 keeps a transaction's deleted rows whole in its undo log and writes them out in
     * chunks of several megabytes, whose buffers were tenured at once: in {@code RetentionLoad} at the cap, a purge a
     * minute in 500-row transactions promoted 237-246 MB per 380,000 rows stored, one a second in 100-row ones 25-32 MB,
     * about what the load promotes without a purge (docs/benchmarks.md, "Retention at the cap").
     */
    static final int BATCH = 100;
    /**
     * Holders the cap keeps track of between reads of the table ({@link Candidates}): four batches' worth, so that at
     * the cap the table is read again only when these have all lost rows down to the size of the next.
     */
    static final int KEPT = 4 * RecognitionStore.HOLDERS_PER_BATCH;
    /** After every stored row: "created before" this selects them all. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final RecognitionStore store;
    private final DatabaseStatus status;
    private final StoreEvents events;
    private final RetentionSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean failing = new AtomicBoolean();
    /** Reads holders' totals by primary key: {@link RecognitionStore#holderTotals}, counted in tests. */
    private final Function<Collection<String>, List<RecognitionStore.HolderTotal>> totals;
    /** Holders whose totals the store's inserts raised, taken at each purge. */
    private final GrownHolders grown;
    /**
     * Clients that may be over their share: those taken from {@link #grown} and, at a full scan, those the table
     * says are; kept across purges until found within it. The purge's thread only.
     */
    private final Set<String> toCheck = new HashSet<>();
    /** For the cap; null until needed, and again after each full scan's turn. The purge's thread only. */
    private Candidates largest;
    /** When the table was last read whole for the share (null: never, so the first purge does). */
    private Instant lastFullScan;
    /** Holders were dropped from the hand-off ({@link GrownHolders#LIMIT}): the next purge scans the table. */
    private boolean fullScanOwed;
    /** An embedded H2 file's sync: after each purge and every interval of one; none for another database. */
    private final Optional<EmbeddedFileSync> fileSync;
    /** {@link System#nanoTime} of the last sync. The purge's thread only. */
    private long lastSync = System.nanoTime();
    /** Set by {@link #close}: a purge under way stops after its current batch. */
    private volatile boolean closing;

    RetentionJob(RecognitionStore store, DatabaseStatus status, StoreEvents events,
                         RetentionSettings settings, Clock clock) {
        this(store, status, events, settings, clock, store::holderTotals);
    }

    RetentionJob(RecognitionStore store, DatabaseStatus status, StoreEvents events, RetentionSettings settings,
                 Clock clock, Function<Collection<String>, List<RecognitionStore.HolderTotal>> totals) {
        this.store = store;
        this.totals = totals;
        this.status = status;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("retention").factory());
        this.grown = store.grownHolders();
        this.fileSync = EmbeddedFileSync.of(store.database(), settings.interval());
        if (settings.maxBytes() > 0 || settings.maxBytesPerClient() > 0) {
            grown.watch();
        }
    }

    /** Starts purging every {@code interval} (first run after one interval); with a zero interval, never. */
    public static RetentionJob start(RecognitionStore store, DatabaseStatus status, StoreEvents events,
                                     RetentionSettings settings) {
        RetentionJob job = new RetentionJob(store, status, events, settings, Clock.systemUTC());
        Duration every = settings.interval();
        if (!every.isZero()) {
            job.scheduler.scheduleWithFixedDelay(job::purgeQuietly, every.toNanos(), every.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        return job;
    }

    /** One purge; what it deleted is also reported to the {@link StoreEvents}. */
    public RecognitionStore.Purged purge() {
        RecognitionStore.Purged purged = RecognitionStore.Purged.NONE;
        // Taken first: a total raised after this is either seen by this purge's reads or in the next drain.
        GrownHolders.Drained drained = grown.drain();
        Instant now = clock.instant();
        fullScanOwed |= drained.overflowed();
        boolean fullScan = fullScanOwed || lastFullScan == null
                || !now.isBefore(lastFullScan.plus(settings.fullScanInterval()));
        if (fullScan) {
            largest = null; // read again from the table when next over the cap
        } else if (largest != null) {
            largest.owners.addAll(drained.holders());
        }
        toCheck.addAll(drained.holders());
        if (!settings.maxAge().isZero()) {
            Instant before = now.minus(settings.maxAge());
            while (!closing) {
                RecognitionStore.Batch batch = store.deleteOldestBatch(before, Long.MAX_VALUE, BATCH);
                purged = purged.plus(batch.purged());
                syncFileIfDue();
                if (!batch.more()) {
                    break;
                }
            }
        }
        if (settings.maxBytesPerClient() > 0 && !closing) {
            if (fullScan) {
                toCheck.addAll(store.holdersOverShare(settings.maxBytesPerClient()));
            }
            purged = purged.plus(trimOverShare(settings.maxBytesPerClient()));
        } else if (!closing) {
            toCheck.clear(); // no share to check them against
        }
        if (settings.maxBytes() > 0) {
            purged = purged.plus(keepUnderCap(settings.maxBytes()));
        }
        if (fullScan && !closing) {
            // Only once it has run: a failed or cut-short one is owed to the next purge.
            lastFullScan = now;
            fullScanOwed = false;
        }
        events.purged(purged.rows(), purged.bytes());
        if (!closing) {
            // Also when nothing was deleted: H2's shortened retention time counts on a sync every interval.
            syncFile();
        }
        return purged;
    }

    /**
     * Trims each client of {@link #toCheck} over its share down to it, the largest first; the clients found within
     * it leave the set, those still over it (the purge closing) stay for the next purge, as do all of them when a
     * statement fails.
     * <p>
     * The totals are read once at the start; then each batch reads again only the clients the last batch took from
     * and the next {@link RecognitionStore#HOLDERS_PER_BATCH} waiting, so a purge reads each client about three times
     * instead of once per batch (every batch re-reading all those still waiting made it quadratic in the clients
     * over). A waiting client's total as last read only orders the queue: inserts since may have raised it, which
     * changes no more than the order, and a batch is handed only totals it has just read, so it never takes a client
     * below its share on a total another instance's purge has since lowered.
     */
    private RecognitionStore.Purged trimOverShare(long share) {
        RecognitionStore.Purged purged = RecognitionStore.Purged.NONE;
        if (closing || toCheck.isEmpty()) {
            return purged;
        }
        PriorityQueue<RecognitionStore.HolderTotal> waiting = new PriorityQueue<>(RecognitionStore.LARGEST_FIRST);
        waiting.addAll(overShare(toCheck, share));
        Set<String> taken = Set.of(); // the clients the last batch took from: their totals changed
        while (!closing && !(taken.isEmpty() && waiting.isEmpty())) {
            Set<String> read = new HashSet<>(taken);
            for (int i = 0; i < RecognitionStore.HOLDERS_PER_BATCH && !waiting.isEmpty(); i++) {
                read.add(waiting.poll().owner());
            }
            List<RecognitionStore.HolderTotal> over = overShare(read, share);
            if (over.isEmpty()) {
                taken = Set.of();
                continue;
            }
            List<RecognitionStore.HolderTotal> holders =
                    over.subList(0, Math.min(over.size(), RecognitionStore.HOLDERS_PER_BATCH));
            waiting.addAll(over.subList(holders.size(), over.size()));
            RecognitionStore.Batch batch = store.deleteFromHoldersBatch(holders, share, share, Long.MAX_VALUE, BATCH);
            purged = purged.plus(batch.purged());
            syncFileIfDue();
            if (batch.reached() == 0) {
                // Totals that count rows they no longer have (stored by an instance before V7), or rows just
                // deleted by another instance: nothing this purge can take.
                toCheck.clear();
                break;
            }
            taken = owners(holders);
        }
        return purged;
    }

    /** The totals of these clients over {@code share}, the largest first; the others leave {@link #toCheck}. */
    private List<RecognitionStore.HolderTotal> overShare(Set<String> clients, long share) {
        List<RecognitionStore.HolderTotal> over = totals.apply(clients).stream()
                .filter(h -> h.bytes() > share && !h.owner().equals(RecognitionStore.NO_OWNER)).toList();
        Set<String> stillOver = owners(over);
        // Collected first (clients may be toCheck itself); only these, not a walk of toCheck at every batch.
        clients.stream().filter(owner -> !stillOver.contains(owner)).toList().forEach(toCheck::remove);
        return over;
    }

    /**
     * While the store holds more than {@code maxBytes}, deletes the oldest rows of the largest holders. The holders
     * that may be largest are {@link #largest}: read from the table when first needed after a full scan's turn, then
     * kept with the holders that grew since, each batch reading their totals by primary key; once the largest of
     * them is under what the others held when read, the table is read again.
     */
    private RecognitionStore.Purged keepUnderCap(long maxBytes) {
        RecognitionStore.Purged purged = RecognitionStore.Purged.NONE;
        long excess;
        while (!closing && (excess = store.totalBytes() - maxBytes) > 0) {
            boolean fresh = largest == null;
            if (fresh) {
                largest = Candidates.read(store);
            }
            List<RecognitionStore.HolderTotal> totals = largest.totals(this.totals);
            List<RecognitionStore.HolderTotal> holders =
                    totals.subList(0, Math.min(totals.size(), RecognitionStore.HOLDERS_PER_BATCH));
            // A holder not read may hold as much as the largest of those left out, or as the others did when read.
            long boundary = Math.max(largest.bound,
                    totals.size() > holders.size() ? totals.get(holders.size()).bytes() : 0);
            RecognitionStore.Batch batch = store.deleteFromHoldersBatch(holders, boundary, 0, excess, BATCH);
            if (batch.reached() == 0 && !fresh) {
                largest = null; // the holders kept may no longer be the largest: read them from the table
                continue;
            }
            if (batch.reached() == 0) {
                // Rows no client total counts (stored by an instance before the V7 migration): the cap still
                // holds, oldest first.
                batch = store.deleteOldestBatch(END_OF_TIME, excess, BATCH);
            }
            purged = purged.plus(batch.purged());
            syncFileIfDue();
            if (batch.reached() == 0) {
                break; // no rows left: a total above them is not this job's to fix
            }
        }
        return purged;
    }

    /**
     * The holders that may be the largest, for the cap: the {@link #KEPT} largest when the table was read and every
     * holder whose total grew since; any other holds at most {@code bound}, what the largest of the rest held then
     * (totals of other holders only fall, until a full scan's turn reads the table again).
     */
    private static final class Candidates {
        final Set<String> owners = new HashSet<>();
        long bound;

        static Candidates read(RecognitionStore store) {
            Candidates candidates = new Candidates();
            List<RecognitionStore.HolderTotal> top = store.largestHolders(KEPT + 1);
            for (int i = 0; i < top.size(); i++) {
                if (i < KEPT) {
                    candidates.owners.add(top.get(i).owner());
                } else {
                    candidates.bound = top.get(i).bytes();
                }
            }
            return candidates;
        }

        /**
         * Their totals now, the largest first; those beyond {@link #KEPT} are let go, the bound rising to the
         * largest of them, and those without a row any more leave.
         */
        List<RecognitionStore.HolderTotal> totals(
                Function<Collection<String>, List<RecognitionStore.HolderTotal>> read) {
            List<RecognitionStore.HolderTotal> totals = read.apply(owners);
            owners.retainAll(owners(totals));
            if (totals.size() > KEPT) {
                bound = Math.max(bound, totals.get(KEPT).bytes());
                totals.subList(KEPT, totals.size()).forEach(h -> owners.remove(h.owner()));
                totals = totals.subList(0, KEPT);
            }
            return totals;
        }
    }

    private static Set<String> owners(List<RecognitionStore.HolderTotal> totals) {
        return totals.stream().map(RecognitionStore.HolderTotal::owner).collect(Collectors.toSet());
    }

    private void syncFile() {
        if (fileSync.isPresent()) {
            fileSync.get().run();
            lastSync = System.nanoTime();
        }
    }

    /**
     * A sync when an interval has passed since the last, between the batches of a purge: at the cap under a flood one
     * purge can last as long as the flood, and H2's shortened retention time counts on a sync every interval
     * ({@link EmbeddedFileSync}).
     */
    private void syncFileIfDue() {
        if (fileSync.isPresent() && !settings.interval().isZero()
                && System.nanoTime() - lastSync >= settings.interval().toNanos()) {
            syncFile();
        }
    }

    private void purgeQuietly() {
        if (!status.worthTrying()) {
            return;
        }
        try {
            RecognitionStore.Purged purged = purge();
            failing.set(false);
            if (purged.rows() > 0) {
                // Every interval at the cap: the metrics count them, the log would only repeat itself.
                LOG.log(Level.DEBUG, "Retention: deleted " + purged.rows() + " recognitions (" + purged.bytes()
                        + " bytes)");
            }
        } catch (RuntimeException e) {
            // The writer and the readiness check decide whether the database is down; a purge only retries later.
            if (failing.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Retention purge failed; retrying every " + settings.interval() + ": "
                        + e.getMessage());
            }
        }
    }

    /**
     * Stops the schedule; a purge under way stops after its current batch (it used to run to its end, up to the 10 s
     * this waits, and kept a server's shutdown waiting for it).
     */
    @Override
    public void close() {
        closing = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
    }
}
