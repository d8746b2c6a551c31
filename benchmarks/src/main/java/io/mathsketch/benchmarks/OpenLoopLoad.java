package io.mathsketch.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.mathsketch.corpus.http.RawHttp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator in the manner of wrk2: requests are scheduled at a constant arrival rate whatever
 * the server's answers do, and each latency is measured from the request's <em>scheduled</em> send time, so a stalled
 * server is charged for every request it delayed (no coordinated omission, unlike closed-loop wrk). Scheduled requests
 * wait in one queue for the next free keep-alive connection of a fixed pool; each connection is a virtual thread with
 * a blocking socket speaking minimal HTTP/1.1, far cheaper per request than {@code java.net.http} (which, sharing two
 * cores with the server, overloaded the machine on its own). A warm-up phase at the same rate (a quarter of the run,
 * at most 3 s) warms up this JVM and the server's path; it is not recorded, and the recorded schedule starts only once
 * every warm-up request is answered (at most 10 s later), so a backlog left by a cold client is not charged to the
 * measured run. Percentiles are exact, from all recorded latencies. The client's own CPU time per request is reported
 * too: it shares the cores with the server, and costs more per request than wrk.
 *
 * <pre>  OpenLoopLoad &lt;url&gt; &lt;body file or folder&gt; &lt;content type&gt; &lt;requests per second&gt; &lt;seconds&gt; [connections]</pre>
 *
 * A folder (one payload class of the corpus) is sent file by file in name order, round robin.
 *
 * Prints one JSON object: requests scheduled and completed (recorded part), non-2xx answers, failed requests (I/O
 * errors, or still unanswered 30 s after the schedule ended), achieved rate (completed requests over the time from the
 * first scheduled send to the last answer, so a server that falls behind shows a rate below the target), latency
 * percentiles in milliseconds and the client's CPU time per recorded request.
 */
public final class OpenLoopLoad {

    private static final int DEFAULT_CONNECTIONS = 64;
    private static final long STOP = Long.MIN_VALUE;

    private final URI uri;
    private final byte[][] requests;
    private final AtomicInteger nextRequest = new AtomicInteger();
    private final BlockingQueue<Long> schedule = new LinkedBlockingQueue<>();
    private final long[] latencies;
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicLong non2xx = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Requests answered or failed, warm-up included: the recorded schedule waits for the warm-up's. */
    private final AtomicInteger answered = new AtomicInteger();
    /** When the last recorded answer came in: the achieved rate is over the time the answers took, not the schedule. */
    private final AtomicLong lastRecordedAnswer = new AtomicLong();
    private volatile long recordFrom;

    private OpenLoopLoad(URI uri, byte[][] requests, int capacity) {
        this.uri = uri;
        this.requests = requests;
        this.latencies = new long[capacity];
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: OpenLoopLoad <url> <body file or folder> <content type> <requests per second> <seconds>"
                    + " [connections]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        List<byte[]> bodies = bodies(Path.of(args[1]));
        double rate = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        int connections = args.length == 6 ? Integer.parseInt(args[5]) : DEFAULT_CONNECTIONS;
        double warmUp = Math.min(3, seconds / 4);
        int total = (int) Math.round(rate * (seconds + warmUp));

        OpenLoopLoad load = new OpenLoopLoad(uri, bodies.stream().map(b -> RawHttp.post(uri, args[2], b))
                .toArray(byte[][]::new), total);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(Thread.ofVirtual().start(load::connection));
        }
        long intervalNanos = (long) (1e9 / rate);
        int warmUpRequests = (int) Math.round(rate * warmUp);
        load.recordFrom = Long.MAX_VALUE;
        load.schedule(warmUpRequests, System.nanoTime() + 50_000_000, intervalNanos);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (load.answered.get() < warmUpRequests && System.nanoTime() < drainDeadline) {
            Thread.sleep(5);
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime() + 10_000_000;
        load.recordFrom = start;
        int scheduledRecorded = total - warmUpRequests;
        load.schedule(scheduledRecorded, start, intervalNanos);
        long scheduleEnd = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            load.schedule.add(STOP);
        }
        long deadline = scheduleEnd + TimeUnit.SECONDS.toNanos(30);
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        long clientCpuNanos = processCpuNanos() - cpuBefore;
        int done = load.recorded.get();
        long unanswered = Math.max(0, scheduledRecorded - done - load.failed.get());
        long[] sorted = Arrays.copyOf(load.latencies, done);
        Arrays.sort(sorted);
        double measuredSeconds = (Math.max(scheduleEnd, load.lastRecordedAnswer.get()) - load.recordFrom) / 1e9;
        System.out.printf(Locale.ROOT, "{\"scheduled\": %d, \"completed\": %d, \"target_rps\": %.1f, \"rps\": %.1f, "
                        + "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, \"non2xx\": %d, "
                        + "\"failed\": %d, \"connections\": %d, \"client_cpu_us_per_request\": %.1f}%n", scheduledRecorded, done, rate,
                done / measuredSeconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                percentile(sorted, 100), load.non2xx.get(), load.failed.get() + unanswered, connections,
                done == 0 ? Double.NaN : clientCpuNanos / 1e3 / done);
        System.exit(0); // connections still waiting on a stalled server must not keep the JVM alive
    }

    /** Queues {@code count} requests at {@code intervalNanos} from {@code start}, each when its time comes. */
    private void schedule(int count, long start, long intervalNanos) {
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * intervalNanos;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            schedule.add(scheduled);
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One keep-alive connection: sends the next scheduled request as soon as the previous answer is in. */
    private void connection() {
        Socket socket = null;
        InputStream in = null;
        try {
            while (true) {
                long scheduled = schedule.take();
                if (scheduled == STOP) {
                    return;
                }
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(requests[Math.floorMod(nextRequest.getAndIncrement(), requests.length)]);
                    out.flush();
                    int status = RawHttp.read(in, 0).status();
                    long latency = System.nanoTime() - scheduled;
                    answered.incrementAndGet();
                    if (scheduled >= recordFrom) {
                        latencies[recorded.getAndIncrement()] = latency;
                        lastRecordedAnswer.accumulateAndGet(scheduled + latency, Math::max);
                        if (status / 100 != 2) {
                            non2xx.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    answered.incrementAndGet();
                    if (scheduled >= recordFrom) {
                        failed.incrementAndGet();
                    }
                    close(socket);
                    socket = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(socket);
        }
    }

    /** The file, or every file of the folder in name order. */
    static List<byte[]> bodies(Path fileOrFolder) throws IOException {
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(Files.readAllBytes(fileOrFolder));
        }
        List<byte[]> bodies = new ArrayList<>();
        try (var files = Files.list(fileOrFolder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                bodies.add(Files.readAllBytes(file));
            }
        }
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("no files in " + fileOrFolder);
        }
        return bodies;
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do: the connection is being dropped
            }
        }
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
