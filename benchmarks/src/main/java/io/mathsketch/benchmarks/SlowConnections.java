package io.mathsketch.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Slowloris, for {@code scripts/resilience.sh}: many connections that each send a request line and then headers one
 * byte at a time, a byte every {@code interval} on each connection, never finishing the request head, for
 * {@code seconds}. Counts the connections opened, refused, and closed (or answered) by the server before the end; a
 * server that keeps serving normal traffic meanwhile ({@link OpenLoopLoad}, run beside it) has survived it.
 *
 * <pre>  SlowConnections &lt;base url&gt; &lt;connections&gt; &lt;seconds&gt; &lt;interval ms&gt;</pre>
 *
 * Prints one JSON object. Each connection is a virtual thread (plus one reading what the server sends, which is how
 * a close or a 408 is noticed); connections are opened over the first second so the listener's backlog is not the
 * thing measured.
 */
public final class SlowConnections {

    private final URI base;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong firstClosedAfterMs = new AtomicLong(-1);
    private volatile long start;

    private SlowConnections(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: SlowConnections <base url> <connections> <seconds> <interval ms>");
            System.exit(2);
        }
        SlowConnections slow = new SlowConnections(URI.create(args[0]));
        int connections = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + (long) (Double.parseDouble(args[2]) * 1e9);
        long interval = Long.parseLong(args[3]) * 1_000_000;
        slow.start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int id = i;
            threads.add(Thread.ofVirtual().start(() -> slow.connection(id, deadline, interval)));
            LockSupport.parkNanos(1_000_000_000L / Math.max(1, connections));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf(Locale.ROOT, "{\"connections\": %d, \"max_open\": %d, \"refused\": %d, "
                        + "\"closed_by_server\": %d, \"answered_by_server\": %d, \"first_closed_after_ms\": %d, "
                        + "\"bytes_sent\": %d, \"seconds\": %.1f}%n", connections, slow.maxOpen.get(),
                slow.refused.get(), slow.closedByServer.get(), slow.answered.get(), slow.firstClosedAfterMs.get(),
                slow.bytesSent.get(), (System.nanoTime() - slow.start) / 1e9);
        System.exit(0);
    }

    /** One slow connection: the request line at once, then header bytes one at a time until the deadline. */
    private void connection(int id, long deadline, long interval) {
        Random jitter = new Random(id);
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            } catch (IOException e) {
                refused.incrementAndGet();
                return;
            }
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            Thread reader = Thread.ofVirtual().start(() -> watch(socket));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/recognitions HTTP/1.1\r\nHost: " + base.getHost() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] header = ("X-Slow-" + id + ": " + "a".repeat(60) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            // First byte after a random part of the interval, so the connections' bytes are spread over time.
            LockSupport.parkNanos((long) (jitter.nextDouble() * interval));
            for (int at = 0; System.nanoTime() < deadline && reader.isAlive(); at++) {
                out.write(header[at % header.length]);
                out.flush();
                bytesSent.incrementAndGet();
                LockSupport.parkNanos(Math.min(interval, Math.max(0, deadline - System.nanoTime())));
            }
        } catch (IOException e) {
            // The server closed the connection while a byte was being written: counted by the reader.
        } finally {
            open.decrementAndGet();
        }
    }

    /** Waits for anything from the server: an answer (e.g. 408) or the connection's end, before the client ends it. */
    private void watch(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first >= 0) {
                answered.incrementAndGet();
            } else {
                closedByServer.incrementAndGet();
            }
            firstClosedAfterMs.compareAndSet(-1, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            if (!socket.isClosed()) {
                closedByServer.incrementAndGet();
                firstClosedAfterMs.compareAndSet(-1, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
