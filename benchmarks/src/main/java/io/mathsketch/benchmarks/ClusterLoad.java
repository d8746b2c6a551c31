package io.mathsketch.benchmarks;

import io.mathsketch.corpus.http.RawHttp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load client of {@code scripts/cluster.sh}: closed-loop recognitions through the load balancer, keeping the id
 * of every recognition the service acknowledged as stored, so the script can count acknowledged rows missing from the
 * database after an instance was killed. Closed loop (each connection sends its next request when the previous answer
 * is in) because the script measures what 1, 2 and 3 instances sustain; {@link OpenLoopLoad} measures latency at a
 * fixed arrival rate and never reads bodies, which this client must (the id and {@code "stored": true}).
 *
 * <pre>  ClusterLoad &lt;url&gt; &lt;body file&gt; &lt;content type&gt; &lt;connections&gt; &lt;seconds&gt; [acknowledged-ids file]</pre>
 *
 * Prints one JSON object: requests answered 2xx, failed (non-2xx or I/O error, by status; 0 = I/O error, with the
 * errors' messages), the epoch
 * milliseconds of the first and last failure, acknowledged-as-stored count, rate and latency percentiles. Each
 * connection is a virtual thread with a blocking socket speaking minimal HTTP/1.1 with keep-alive; after an I/O error
 * it reconnects, and after any failure it waits 100 ms before its next request. Stops sending at the deadline, or on SIGTERM (the script ends a run when it has seen what it waits
 * for), and waits for the answers in flight (at most 30 s) before printing.
 */
public final class ClusterLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final long BACK_OFF_NANOS = 100_000_000;
    /** Enough of a response body to find its id: recognition answers are a few hundred bytes. */
    private static final int MAX_BODY = 16 * 1024;
    private static final Pattern STORED = Pattern.compile("\"stored\"\\s*:\\s*true");

    private final URI uri;
    private final byte[] request;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch printed = new CountDownLatch(1);
    private volatile long deadlineNanos;
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();

    private ClusterLoad(URI uri, byte[] request, long deadlineNanos) {
        this.uri = uri;
        this.request = request;
        this.deadlineNanos = deadlineNanos;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: ClusterLoad <url> <body file> <content type> <connections> <seconds>"
                    + " [acknowledged-ids file]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        int connections = Integer.parseInt(args[3]);
        double seconds = Double.parseDouble(args[4]);
        long start = System.nanoTime();
        ClusterLoad load = new ClusterLoad(uri, RawHttp.post(uri, args[2], body), start + (long) (seconds * 1e9));
        Path ids = args.length == 6 ? Path.of(args[5]) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            load.deadlineNanos = System.nanoTime();
            load.finish(start, connections, ids);
        }));
        for (int i = 0; i < connections; i++) {
            load.workers.add(Thread.ofVirtual().start(load::connection));
        }
        load.finish(start, connections, ids);
        System.exit(0); // a connection stuck on a dead peer must not keep the JVM alive
    }

    /** Waits for the answers in flight (at most 30 s past the deadline), then prints the summary once. */
    private void finish(long start, int connections, Path ids) {
        try {
            if (finished.getAndSet(true)) {
                // The other caller (main, or the SIGTERM hook) prints; the hook must not let the JVM end before.
                printed.await(40, TimeUnit.SECONDS);
                return;
            }
            for (Thread worker : workers) {
                long left = deadlineNanos + 30_000_000_000L - System.nanoTime();
                worker.join(Math.max(1, left / 1_000_000));
            }
            double elapsed = (Math.min(System.nanoTime(), deadlineNanos) - start) / 1e9;
            if (ids != null) {
                Files.write(ids, acknowledged);
            }
            System.out.println(summary(elapsed, connections));
            System.out.flush();
        } catch (IOException | InterruptedException e) {
            System.err.println("ClusterLoad: " + e);
        } finally {
            printed.countDown();
        }
    }

    /** One keep-alive connection: request after request until the deadline. */
    private void connection() {
        Socket socket = null;
        InputStream in = null;
        while (System.nanoTime() < deadlineNanos) {
            long sent = System.nanoTime();
            int status;
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                    socket.setSoTimeout(30_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                }
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                RawHttp.Response response = RawHttp.read(in, MAX_BODY);
                status = response.status();
                if (response.close()) {
                    // The balancer closes after its own error pages: reconnect for the next request.
                    close(socket);
                    socket = null;
                }
                if (status / 100 == 2) {
                    String text = response.bodyText();
                    Matcher id = ID.matcher(text);
                    if (id.find() && STORED.matcher(text).find()) {
                        acknowledged.add(id.group(1));
                    }
                }
            } catch (IOException e) {
                status = 0;
                errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                close(socket);
                socket = null;
            }
            outcomes.add(new long[] {status, System.nanoTime() - sent, System.currentTimeMillis()});
            if (status / 100 != 2) {
                // Back off as a client honouring Retry-After would: while no instance is up, a closed loop retrying at
                // once would flood the balancer with its own error pages and starve the instances being restarted.
                LockSupport.parkNanos(BACK_OFF_NANOS);
            }
        }
        close(socket);
    }

    private String summary(double elapsed, int connections) {
        long[] latencies = new long[outcomes.size()];
        int ok = 0;
        long firstFailure = 0;
        long lastFailure = 0;
        Map<Long, Integer> failures = new TreeMap<>();
        for (long[] outcome : outcomes) {
            if (outcome[0] / 100 == 2) {
                latencies[ok++] = outcome[1];
            } else {
                failures.merge(outcome[0], 1, Integer::sum);
                firstFailure = firstFailure == 0 ? outcome[2] : Math.min(firstFailure, outcome[2]);
                lastFailure = Math.max(lastFailure, outcome[2]);
            }
        }
        long[] sorted = Arrays.copyOf(latencies, ok);
        Arrays.sort(sorted);
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(Locale.ROOT, "{\"ok\": %d, \"failed\": %d, \"failed_by_status\": {%s}, \"io_errors\": {%s}, "
                        + "\"first_failure_ms\": %d, \"last_failure_ms\": %d, \"acknowledged\": %d, \"rps\": %.1f, "
                        + "\"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, \"connections\": %d, \"seconds\": %.2f}",
                ok, failed, CountsJson.members(failures), CountsJson.members(errors), firstFailure, lastFailure, acknowledged.size(), ok / elapsed,
                OpenLoopLoad.percentile(sorted, 50), OpenLoopLoad.percentile(sorted, 99),
                OpenLoopLoad.percentile(sorted, 100), connections, elapsed);
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is being dropped anyway
            }
        }
    }
}
