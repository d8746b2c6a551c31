package io.mathsketch.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: requests leave at a constant arrival rate whatever the server's answers do, and
 * each latency is measured from the request's <em>scheduled</em> send time, so a stalled server is charged for every
 * request it delayed (no coordinated omission, unlike closed-loop wrk). Percentiles are exact, from all latencies.
 *
 * <pre>  OpenLoopLoad &lt;url&gt; &lt;body file&gt; &lt;content type&gt; &lt;requests per second&gt; &lt;seconds&gt;</pre>
 *
 * Prints one JSON object: requests scheduled, completed, non-2xx, failed (I/O errors or over the in-flight cap of
 * {@value #MAX_IN_FLIGHT}, which count as failures rather than silently lowering the rate), achieved rate and
 * latency percentiles in milliseconds.
 */
public final class OpenLoopLoad {

    static final int MAX_IN_FLIGHT = 4096;

    private OpenLoopLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: OpenLoopLoad <url> <body file> <content type> <requests per second> <seconds>");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String contentType = args[2];
        double rate = Double.parseDouble(args[3]);
        int total = (int) Math.round(rate * Double.parseDouble(args[4]));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicLong non2xx = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        CountDownLatch finished = new CountDownLatch(total);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                failed.incrementAndGet();
                finished.countDown();
                continue;
            }
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                } else {
                    latencies[index] = System.nanoTime() - scheduled;
                    if (response.statusCode() / 100 != 2) {
                        non2xx.incrementAndGet();
                    }
                }
                inFlight.release();
                finished.countDown();
            });
        }
        finished.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "{\"scheduled\": %d, \"completed\": %d, \"target_rps\": %.1f, \"rps\": %.1f, "
                        + "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, \"non2xx\": %d, "
                        + "\"failed\": %d}%n", total, done.length, rate, done.length / seconds,
                percentile(done, 50), percentile(done, 95), percentile(done, 99), percentile(done, 100), non2xx.get(),
                failed.get());
        client.shutdownNow();
    }

    /** Nearest-rank percentile in milliseconds; NaN when nothing completed. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
