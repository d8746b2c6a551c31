package io.mathsketch.server.store;

import io.helidon.metrics.api.Metrics;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.image.Box;
import io.mathsketch.server.config.DatabaseSettings;
import io.mathsketch.server.config.RetentionSettings;
import io.mathsketch.server.observe.StoreMetrics;
import io.mathsketch.server.testing.TestServer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A measuring tool, not a test: the group-commit writer's cost per stored row, alone. One thread calls
 * {@link RecognitionStore#insertAll} with {@code --batch} (8) rows at a time, as the writer thread does, on a fresh
 * embedded H2 file (the server's {@code Database} with its H2 defaults), while the server's {@link RetentionJob}
 * watches with a cap no row reaches (it reads the totals the inserts raised, as in the server). The rows are a stored
 * chromium-ink request's: a 2.6 KB original, a 784-byte input, one digit's readings, one of {@code --owners} (64, at most
 * 1,024) clients. Each of {@code --rounds} (10) rounds of {@code --rows} (40,000) prints the inserting thread's CPU
 * per row and the process's (H2's page writer included), in microseconds; the first rounds compile and fill the
 * cache: read the mean of the last five. Same seed every run, so two builds store the same rows. {@code --url-settings}
 * (none) is appended to the H2 URL ({@code ";PAGE_SIZE=16384"}), to compare H2 settings the server's defaults leave
 * unset. Run it with the server's JVM options:
 * <pre>
 * ./mvnw -q -pl server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp
 * java @server/jvm.options -cp "server/target/test-classes:server/target/classes:$(cat server/target/test.cp)" \
 *     io.mathsketch.server.store.WriterLoad --folder EMPTY_DIR --batch 8
 * </pre>
 */
public final class WriterLoad {

    private WriterLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path folder = Path.of(options.getOrDefault("folder", "target/writer-load"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "8"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "40000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "10"));
        int owners = Integer.parseInt(options.getOrDefault("owners", "64"));
        Files.createDirectories(folder);
        try (var files = Files.list(folder)) {
            if (files.findAny().isPresent()) {
                throw new IllegalArgumentException(folder + " is not empty: the run needs a fresh database");
            }
        }
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:file:" + folder.toAbsolutePath() + "/mathsketch"
                + options.getOrDefault("url-settings", ""),
                "sa", "", 4, Duration.ofSeconds(3));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SplittableRandom random = new SplittableRandom(13);
        RecognitionIds ids = new RecognitionIds();
        try (Database database = Database.open(settings, TestServer.config(Map.of()).get("db.statements"))) {
            RecognitionStore store = new RecognitionStore(database);
            StoreMetrics metrics = new StoreMetrics(Metrics.globalRegistry());
            try (RetentionJob ignored = RetentionJob.start(store, new DatabaseStatus(Duration.ofSeconds(1)), metrics,
                    new RetentionSettings(Duration.ofDays(30), Long.MAX_VALUE / 4, Long.MAX_VALUE / 400,
                            Duration.ofSeconds(1), Duration.ofMinutes(1)))) {
                for (int round = 1; round <= rounds; round++) {
                    long thread = 0;
                    long process = 0;
                    long wall = 0;
                    for (int done = 0; done < rows; done += batch) {
                        List<RecognitionRecord> records = new ArrayList<>(batch);
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                        for (int i = 0; i < batch; i++) {
                            records.add(row(ids.next(now), now, random, owners));
                        }
                        long t0 = threads.getCurrentThreadCpuTime();
                        long p0 = os.getProcessCpuTime();
                        long w0 = System.nanoTime();
                        store.insertAll(records);
                        wall += System.nanoTime() - w0;
                        process += os.getProcessCpuTime() - p0;
                        thread += threads.getCurrentThreadCpuTime() - t0;
                    }
                    System.out.printf("round %d batch %d: writer %.1f us/row, process %.1f us/row, %,.0f rows/s%n",
                            round, batch, thread / 1e3 / rows, process / 1e3 / rows, rows / (wall / 1e9));
                }
            }
        }
    }

    private static RecognitionRecord row(String id, Instant at, SplittableRandom random, int owners) {
        byte[] original = new byte[2_600];
        random.nextBytes(original);
        byte[] input = new byte[784];
        random.nextBytes(input);
        float[] probabilities = new float[10];
        for (int i = 0; i < 10; i++) {
            probabilities[i] = (float) random.nextDouble(0.01);
        }
        probabilities[7] = 0.95f;
        return new RecognitionRecord(id, at, "digit", "7", 0.95,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                List.of(new RecognitionRecord.Reading("7", 0.95, probabilities, new Box(3, 2, 20, 24))),
                input, Optional.of(original), Optional.of("application/vnd.mathsketch.ink+json"),
                new Recognition.ModelRef("mnist-cnn", "1.0.0"), "OnnxRuntime", "cpu()",
                new Recognition.Timings(210_000, 5_000, 90_000, 20_000), Optional.empty(),
                Optional.of(OWNER_KEYS.get(random.nextInt(owners))));
    }

    /** Owner keys as the server makes them (hex SHA-256 of a client id): they differ from their first characters. */
    private static final List<String> OWNER_KEYS = java.util.stream.IntStream.range(0, 1024)
            .mapToObj(i -> sha256Hex("client-" + i)).toList();

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
