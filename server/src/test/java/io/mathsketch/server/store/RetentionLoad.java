package io.mathsketch.server.store;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.helidon.metrics.api.Metrics;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.image.Box;
import io.mathsketch.server.config.DatabaseSettings;
import io.mathsketch.server.config.RetentionSettings;
import io.mathsketch.server.config.ServerSettings;
import io.mathsketch.server.observe.OutOfMemoryWatch;
import io.mathsketch.server.observe.StoreMetrics;
import io.mathsketch.server.testing.TestServer;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A measuring tool, not a test: a store that sits at its byte cap while rows keep arriving. It fills an embedded H2
 * file (the server's {@code Database} with its H2 defaults) to {@code --max-bytes} (64 MB), then stores rows (a
 * 1.9 KB original, as a chromium-ink request's, and a 784-byte input) through the server's {@link RecognitionWriter}
 * at a steady {@code --rate} (2,000/s) from 64 virtual threads for {@code --seconds} while the server's
 * {@link RetentionJob} keeps the cap every {@code --interval} (the setting's default), each row with
 * {@code --garbage-kb} (64) of short-lived allocation beside it, what a request allocates, so young collections come
 * about as often as in the server and tenuring means the same. Every {@code --report} (10 s) it prints rows stored
 * and purged and that window's collections (young, full, longest pause, bytes promoted by young collections), each
 * purge as it ends, and a summary after {@code --warmup} (20 s); then how long stopping the job and the writer took
 * ({@code --stop-while-purging true}: stopped while a purge is under way, as a server's shutdown may be; with
 * {@code --fill-bytes} above the cap, the first purge has that backlog to delete). Run it with
 * the server's JVM options so the heap is the server's (docs/benchmarks.md, "Memory: what fills the old generation"):
 * <pre>
 * ./mvnw -q -pl server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp
 * java @server/jvm.options -cp "server/target/test-classes:server/target/classes:$(cat server/target/test.cp)" \
 *     io.mathsketch.server.store.RetentionLoad --folder DIR --rate 2000 --garbage-kb 160 --seconds 200
 * </pre>
 */
public final class RetentionLoad {

    private static final int THREADS = 64;
    private static final int OWNERS = 64;
    /** The size of a chromium-ink original (its ink JSON, ~1.9 KB). */
    private static final int ORIGINAL = 1_900;

    private final Map<String, String> options;
    private final AtomicReference<Window> window = new AtomicReference<>(new Window());
    private final Window total = new Window();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong notStored = new AtomicLong();

    private RetentionLoad(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new RetentionLoad(options).run();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        Path folder = Path.of(option("folder", "target/retention-load"));
        long maxBytes = Long.parseLong(option("max-bytes", "67108864"));
        int rate = Integer.parseInt(option("rate", "2000"));
        int seconds = Integer.parseInt(option("seconds", "200"));
        int warmup = Integer.parseInt(option("warmup", "20"));
        int garbageKb = Integer.parseInt(option("garbage-kb", "64"));
        Duration interval = options.containsKey("interval") ? Duration.parse(options.get("interval"))
                : ServerSettings.from(TestServer.config(Map.of())).store().retention().interval();
        Duration report = Duration.parse(option("report", "PT10S"));
        Files.createDirectories(folder);
        listenToCollections();

        DatabaseSettings db = new DatabaseSettings("jdbc:h2:file:" + folder.toAbsolutePath() + "/mathsketch", "sa", "",
                4, Duration.ofSeconds(3));
        try (Database database = Database.open(db, TestServer.config(Map.of()).get("db.statements"))) {
            RecognitionStore store = new RecognitionStore(database);
            StoreMetrics metrics = new StoreMetrics(Metrics.globalRegistry());
            DatabaseStatus status = new DatabaseStatus(Duration.ofSeconds(1));
            fill(store, Long.parseLong(option("fill-bytes", Long.toString(maxBytes))));
            System.out.printf("filled: %,d bytes stored%n", store.totalBytes());
            long start = System.nanoTime();
            long stopping;
            try (RecognitionWriter writer = new RecognitionWriter(store, status, metrics, 256, 10_000, 16 << 20,
                    new OutOfMemoryWatch());
                 RetentionJob job = RetentionJob.start(store, status, metrics,
                         new RetentionSettings(Duration.ZERO, maxBytes,
                                 RetentionSettings.defaultMaxBytesPerClient(maxBytes), interval))) {
                List<Thread> threads = new ArrayList<>();
                long periodNanos = 1_000_000_000L * THREADS / rate;
                long end = start + Duration.ofSeconds(seconds).toNanos();
                for (int t = 0; t < THREADS; t++) {
                    long first = start + periodNanos * t / THREADS;
                    threads.add(Thread.ofVirtual().start(() -> load(writer, first, periodNanos, end, garbageKb)));
                }
                Thread purges = Thread.ofVirtual().start(() -> watchPurges(store, metrics, start));
                long purgedBefore = metrics.rowsPurged();
                long storedBefore = 0;
                long measuredFrom = start + Duration.ofSeconds(warmup).toNanos();
                long storedAtWarmup = -1;
                long purgedAtWarmup = -1;
                for (long next = start + report.toNanos(); next <= end; next += report.toNanos()) {
                    Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
                    Window done = window.getAndSet(new Window());
                    long storedNow = stored.get();
                    long purgedNow = metrics.rowsPurged();
                    if (next > measuredFrom) {
                        if (storedAtWarmup < 0) {
                            storedAtWarmup = storedBefore;
                            purgedAtWarmup = purgedBefore;
                        }
                        total.add(done);
                    }
                    System.out.printf("t=%4ds stored %,7d purged %,7d total %,13d B | %s%n",
                            (next - start) / 1_000_000_000L, storedNow - storedBefore, purgedNow - purgedBefore,
                            store.totalBytes(), done);
                    storedBefore = storedNow;
                    purgedBefore = purgedNow;
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                purges.interrupt();
                long rows = stored.get() - storedAtWarmup;
                System.out.printf("summary after %ds warm-up: stored %,d rows (%,d not stored), purged %,d rows;"
                                + " %s; full collections per 100,000 rows stored: %.2f%n", warmup, rows,
                        notStored.get(), metrics.rowsPurged() - purgedAtWarmup, total,
                        total.full * 100_000.0 / Math.max(1, rows));
                if (Boolean.parseBoolean(option("stop-while-purging", "false"))) {
                    waitForAPurge(store, interval.plusSeconds(30));
                }
                stopping = System.nanoTime();
            }
            System.out.printf("stopping the retention job and the writer (as the server's close does): %d ms%n",
                    (System.nanoTime() - stopping) / 1_000_000);
            long closing = System.nanoTime();
            Window beforeClose = window.getAndSet(new Window());
            database.close();
            System.out.printf("close: %d ms | %s (before it: %s)%n", (System.nanoTime() - closing) / 1_000_000,
                    window.get(), beforeClose);
        }
    }

    /** Waits until the stored total falls (a purge under way), at most {@code atMost}. */
    private static void waitForAPurge(RecognitionStore store, Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        long last = store.totalBytes();
        while (System.nanoTime() < until) {
            Thread.sleep(20);
            long now = store.totalBytes();
            if (now < last) {
                System.out.println("a purge is under way");
                return;
            }
            last = now;
        }
    }

    /**
     * Prints each purge as it ends: it starts at the first poll that finds the stored total fallen (its first batch
     * committed; rows keep arriving, but a batch deletes faster than they come) and ends when the job reports it.
     */
    private static void watchPurges(RecognitionStore store, StoreMetrics metrics, long start) {
        long reported = metrics.rowsPurged();
        long lastTotal = store.totalBytes();
        long purgeStart = 0;
        try {
            while (true) {
                Thread.sleep(20);
                long now = System.nanoTime();
                long totalBytes = store.totalBytes();
                if (totalBytes < lastTotal && purgeStart == 0) {
                    purgeStart = now;
                }
                lastTotal = totalBytes;
                long purged = metrics.rowsPurged();
                if (purged > reported) {
                    long from = purgeStart == 0 ? now : purgeStart;
                    System.out.printf("purge at t=%.1fs: %,d rows in %d ms%n", (from - start) / 1e9,
                            purged - reported, (now - from) / 1_000_000);
                    reported = purged;
                    purgeStart = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores rows unpaced, straight through the store, until the total reaches {@code bytes}. */
    private static void fill(RecognitionStore store, long bytes) {
        Instant at = Instant.now().minus(Duration.ofDays(1));
        while (store.totalBytes() < bytes) {
            List<RecognitionRecord> batch = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                at = at.plusMillis(1);
                batch.add(row(at));
            }
            store.insertAll(batch);
        }
    }

    private void load(RecognitionWriter writer, long first, long periodNanos, long end, int garbageKb) {
        long next = first;
        try {
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                next += periodNanos;
                allocate(garbageKb);
                if (writer.store(row(Instant.now()), Duration.ofSeconds(10))) {
                    stored.incrementAndGet();
                } else {
                    notStored.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request's worth of short-lived allocation, in 8 KB pieces as a request allocates (buffers, strings). */
    private static long allocate(int kilobytes) {
        long sum = 0;
        for (int i = 0; i < kilobytes / 8; i++) {
            byte[] piece = new byte[8192];
            piece[i % piece.length] = (byte) i;
            sum += piece[ThreadLocalRandom.current().nextInt(piece.length)];
        }
        return sum;
    }

    private static RecognitionRecord row(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] original = new byte[ORIGINAL];
        random.nextBytes(original);
        float[] probabilities = new float[10];
        probabilities[7] = 1;
        String owner = "%064x".formatted(random.nextInt(OWNERS));
        return new RecognitionRecord(new RecognitionIds().next(at), at, "digit", "7", 0.99,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                List.of(new RecognitionRecord.Reading("7", 0.99, probabilities, new Box(0, 0, 28, 28))),
                new byte[784], Optional.of(original), Optional.of("application/json"),
                new Recognition.ModelRef("mnist-cnn", "1.0.0"), "OnnxRuntime", "cpu()",
                new Recognition.Timings(1, 1, 1, 1), Optional.empty(), Optional.of(owner));
    }

    private void listenToCollections() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                window.get().record(info.getGcAction().contains("major"), info.getGcInfo());
            }, null, null);
        }
    }

    /** Collections in one reporting window. */
    private static final class Window {
        long young;
        long full;
        long maxPauseMillis;
        long fullMillis;
        long promoted;

        synchronized void record(boolean major, GcInfo info) {
            maxPauseMillis = Math.max(maxPauseMillis, info.getDuration());
            if (major) {
                full++;
                fullMillis += info.getDuration();
            } else {
                young++;
                promoted += Math.max(0, old(info.getMemoryUsageAfterGc()) - old(info.getMemoryUsageBeforeGc()));
            }
        }

        synchronized void add(Window other) {
            young += other.young;
            full += other.full;
            maxPauseMillis = Math.max(maxPauseMillis, other.maxPauseMillis);
            fullMillis += other.fullMillis;
            promoted += other.promoted;
        }

        private static long old(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(e -> e.getKey().contains("Old"))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        @Override
        public synchronized String toString() {
            return "young %d, full %d (%d ms), max pause %d ms, promoted %,d KB".formatted(young, full, fullMillis,
                    maxPauseMillis, promoted >> 10);
        }
    }
}
