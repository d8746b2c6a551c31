package io.mathsketch.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.mathsketch.corpus.http.RawHttp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator in the manner of wrk2: requests are scheduled at a constant arrival rate whatever
 * the server's answers do, and each latency is measured from the request's <em>scheduled</em> send time, so a stalled
 * server is charged for every request it delayed (no coordinated omission, unlike closed-loop wrk). Scheduled requests
 * wait in one queue for the next free keep-alive connection of a fixed pool.
 *
 * <p>One thread drives every connection through a {@link Selector} (non-blocking sockets, minimal HTTP/1.1): the client
 * shares the cores with the server it measures, and a virtual thread per blocking connection (each read a park and a
 * poller wake-up) cost 1.5x the CPU per request of this loop (60 against 40 µs, JIT included, 30,000 28×28 requests
 * at 2,500/s against one server, measured one after the other).
 *
 * <p>A warm-up phase at the same rate (a quarter of the run, at most 3 s) warms up this JVM and the server's path; it
 * is not recorded, and the recorded schedule starts only once every warm-up request is answered (at most 10 s later),
 * so a backlog left by a cold client is not charged to the measured run. Percentiles are exact, from all recorded
 * latencies. The client's own CPU time per request is reported too.
 *
 * <pre>  OpenLoopLoad &lt;url&gt; &lt;body file or folder&gt; &lt;content type&gt; &lt;requests per second&gt; &lt;seconds&gt; [connections]
 *      [client ids: per-connection | none]</pre>
 *
 * A folder (one payload class of the corpus) is sent file by file in name order, round robin.
 *
 * <p>Each connection is one client, as a browser tab or an API client is: it sends its own
 * {@code X-Client-Id} with every request, as the page's browser sends the cookie it was given and API clients
 * send their header. With {@code none} no request carries an id, so the server makes a new owner for every
 * request, which no real client causes at this rate (each owner is a random key in the owner index).
 *
 * Prints one JSON object: requests scheduled and completed (recorded part), non-2xx answers (and by status), failed requests (I/O
 * errors, a response this client cannot read, or still unanswered 30 s after the schedule ended), achieved rate
 * (completed requests over the time from the first scheduled send to the last answer, so a server that falls behind
 * shows a rate below the target), latency percentiles in milliseconds and the client's CPU time per recorded request.
 */
public final class OpenLoopLoad {

    private static final int DEFAULT_CONNECTIONS = 64;
    private static final long WARM_UP_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FINAL_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final InetSocketAddress address;
    private final byte[][] requests;
    /** Where each request's headers end (its blank line), where a connection's client id header goes. */
    private final int[] headEnds;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    /** Scheduled send times of requests waiting for a free connection, oldest first. */
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private final long[] latencies;
    private int nextRequest;
    private int recorded;
    private long non2xx;
    /** The non-2xx answers by status, so that a report says which refusal it was. */
    private final Map<Integer, Long> non2xxByStatus = new TreeMap<>();
    private long failed;
    /** Requests answered or failed, warm-up included: each phase runs until its own are. */
    private long answered;
    private long recordFrom = Long.MAX_VALUE;
    /** When the last recorded answer came in: the achieved rate is over the time the answers took, not the schedule. */
    private long lastRecordedAnswer;

    private OpenLoopLoad(URI uri, byte[][] requests, int capacity, int connections, boolean clientIds)
            throws IOException {
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.requests = requests;
        this.headEnds = Arrays.stream(requests).mapToInt(OpenLoopLoad::headEnd).toArray();
        this.latencies = new long[capacity];
        this.selector = Selector.open();
        long run = System.nanoTime() & 0xFFFF_FFFF_FFFFL;
        for (int i = 0; i < connections; i++) {
            idle.add(new Connection(clientIds ? clientIdHeader(run, i) : new byte[0]));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || args.length > 7 || args.length == 7 && !args[6].matches("per-connection|none")) {
            System.err.println("usage: OpenLoopLoad <url> <body file or folder> <content type> <requests per second> <seconds>"
                    + " [connections] [client ids: per-connection | none]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        List<byte[]> bodies = bodies(Path.of(args[1]));
        double rate = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        int connections = args.length >= 6 ? Integer.parseInt(args[5]) : DEFAULT_CONNECTIONS;
        boolean clientIds = args.length < 7 || args[6].equals("per-connection");
        double warmUp = Math.min(3, seconds / 4);
        int warmUpRequests = (int) Math.round(rate * warmUp);
        int measuredRequests = (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1e9 / rate);

        OpenLoopLoad load = new OpenLoopLoad(uri, bodies.stream().map(b -> RawHttp.post(uri, args[2], b))
                .toArray(byte[][]::new), measuredRequests, connections, clientIds);
        load.phase(warmUpRequests, System.nanoTime() + 50_000_000, intervalNanos, WARM_UP_DRAIN_NANOS);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime() + 10_000_000;
        load.recordFrom = start;
        long scheduleEnd = load.phase(measuredRequests, start, intervalNanos, FINAL_DRAIN_NANOS);
        long clientCpuNanos = processCpuNanos() - cpuBefore;

        int done = load.recorded;
        long unanswered = Math.max(0, measuredRequests - done - load.failed);
        long[] sorted = Arrays.copyOf(load.latencies, done);
        Arrays.sort(sorted);
        double measuredSeconds = (Math.max(scheduleEnd, load.lastRecordedAnswer) - start) / 1e9;
        System.out.printf(Locale.ROOT, "{\"scheduled\": %d, \"completed\": %d, \"target_rps\": %.1f, \"rps\": %.1f, "
                        + "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, \"non2xx\": %d, "
                        + "\"non2xx_by_status\": {%s}, \"failed\": %d, \"connections\": %d, \"client_ids\": %b, \"client_cpu_us_per_request\": %.1f}%n",
                measuredRequests, done, rate, done / measuredSeconds, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), percentile(sorted, 100), load.non2xx, CountsJson.members(load.non2xxByStatus),
                load.failed + unanswered, connections,
                clientIds,
                done == 0 ? Double.NaN : clientCpuNanos / 1e3 / done);
        System.exit(0);
    }

    /**
     * Sends {@code count} requests, one every {@code intervalNanos} from {@code start}, and returns when every one is
     * answered or failed, or {@code drainNanos} after the last was scheduled. Returns when the schedule ended.
     */
    private long phase(int count, long start, long intervalNanos, long drainNanos) throws IOException {
        long target = answered + count;
        int scheduled = 0;
        long scheduleEnd = Long.MAX_VALUE;
        while (answered < target) {
            long now = System.nanoTime();
            while (scheduled < count && start + scheduled * intervalNanos <= now) {
                waiting.add(start + scheduled * intervalNanos);
                scheduled++;
            }
            if (scheduled == count && scheduleEnd == Long.MAX_VALUE) {
                scheduleEnd = now;
            }
            if (now - scheduleEnd > drainNanos) {
                break; // the rest count as unanswered
            }
            dispatch(now);
            long untilNext = scheduled < count ? start + scheduled * intervalNanos - now : TimeUnit.MILLISECONDS.toNanos(5);
            // Selector timeouts are whole milliseconds: below one, poll and park for the rest of the interval.
            int ready = untilNext >= 1_000_000 ? selector.select(untilNext / 1_000_000) : selector.selectNow();
            if (ready == 0 && untilNext > 0 && untilNext < 1_000_000) {
                LockSupport.parkNanos(untilNext);
            }
            handleReady();
        }
        return scheduleEnd == Long.MAX_VALUE ? System.nanoTime() : scheduleEnd;
    }

    /** Starts waiting requests on idle connections. */
    private void dispatch(long now) {
        while (!waiting.isEmpty() && !idle.isEmpty()) {
            Connection connection = idle.poll();
            long scheduled = waiting.poll();
            try {
                int next = Math.floorMod(nextRequest++, requests.length);
                connection.send(scheduled, requests[next], headEnds[next]);
            } catch (IOException e) {
                finish(connection, scheduled, -1, now);
            }
        }
    }

    private void handleReady() {
        for (var iterator = selector.selectedKeys().iterator(); iterator.hasNext(); ) {
            SelectionKey key = iterator.next();
            iterator.remove();
            Connection connection = (Connection) key.attachment();
            if (!connection.busy) {
                connection.closeIfClosedByServer(readBuffer); // a keep-alive connection the server timed out
                continue;
            }
            try {
                if (key.isValid() && key.isWritable()) {
                    connection.write();
                }
                if (key.isValid() && key.isReadable()) {
                    int status = connection.read(readBuffer);
                    if (status != 0) {
                        finish(connection, connection.scheduled, status, System.nanoTime());
                    }
                }
            } catch (IOException e) {
                finish(connection, connection.scheduled, -1, System.nanoTime());
            }
        }
    }

    /** Records one answered ({@code status} > 0) or failed ({@code status} = -1) request; frees its connection. */
    private void finish(Connection connection, long scheduled, int status, long now) {
        answered++;
        connection.busy = false;
        if (status < 0 || connection.closeAfterResponse) {
            connection.close();
        }
        idle.add(connection);
        if (scheduled < recordFrom) {
            return;
        }
        if (status < 0) {
            failed++;
            return;
        }
        latencies[recorded++] = now - scheduled;
        lastRecordedAnswer = Math.max(lastRecordedAnswer, now);
        if (status / 100 != 2) {
            non2xx++;
            non2xxByStatus.merge(status, 1L, Long::sum);
        }
    }

    /** The offset of the blank line that ends a request's headers. */
    static int headEnd(byte[] request) {
        for (int i = 0; i + 3 < request.length; i++) {
            if (request[i] == '\r' && request[i + 1] == '\n' && request[i + 2] == '\r' && request[i + 3] == '\n') {
                return i + 2;
            }
        }
        throw new IllegalArgumentException("a request without the end of its headers");
    }

    /** Client {@code i}'s id header (24 characters; the server wants 16 or more), new owners for every run. */
    private static byte[] clientIdHeader(long run, int i) {
        return String.format(Locale.ROOT, "X-Client-Id: bench-%012x-%04d\r\n", run, i)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One keep-alive connection, opened when first needed and again after the server or an error closed it. */
    private final class Connection {
        private final byte[] clientHeader;
        private SocketChannel channel;
        private SelectionKey key;
        /** The request's head, this connection's client id header, the blank line and the body. */
        private final ByteBuffer[] out = new ByteBuffer[3];
        private final ResponseReader reader = new ResponseReader();
        long scheduled;
        boolean busy;
        boolean closeAfterResponse;

        Connection(byte[] clientHeader) {
            this.clientHeader = clientHeader;
        }

        void send(long scheduled, byte[] request, int headEnd) throws IOException {
            if (channel == null) {
                channel = SocketChannel.open(address); // blocking connect: loopback, and rare after the first
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                key = channel.register(selector, SelectionKey.OP_READ, this);
            }
            this.scheduled = scheduled;
            busy = true;
            closeAfterResponse = false;
            reader.reset();
            out[0] = ByteBuffer.wrap(request, 0, headEnd);
            out[1] = ByteBuffer.wrap(clientHeader);
            out[2] = ByteBuffer.wrap(request, headEnd, request.length - headEnd);
            write();
        }

        void write() throws IOException {
            channel.write(out);
            key.interestOps(out[2].hasRemaining()
                    ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what arrived: the response's status once it is complete, else 0. */
        int read(ByteBuffer buffer) throws IOException {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            buffer.flip();
            int status = reader.feed(buffer);
            closeAfterResponse = reader.close;
            return status;
        }

        /** An idle connection became readable: the server closed it (or sent what nobody asked for). */
        void closeIfClosedByServer(ByteBuffer buffer) {
            try {
                buffer.clear();
                if (channel != null && channel.read(buffer) != 0) {
                    close();
                }
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close(); // also cancels the key
                } catch (IOException ignored) {
                    // nothing to do: the connection is being dropped
                }
            }
            channel = null;
            key = null;
        }
    }

    /**
     * Reads one HTTP/1.1 response fed in pieces: the head up to the blank line, then a {@code Content-Length} body,
     * dropped. The server under test always sends a length; anything else (chunked, read to close) is refused as an
     * I/O error, so it counts as a failed request rather than a misread one.
     */
    static final class ResponseReader {
        private static final int MAX_HEAD = 16 * 1024;
        private final byte[] head = new byte[MAX_HEAD];
        private int headLength;
        private int status;
        private long bodyLeft = -1;
        boolean close;

        void reset() {
            headLength = 0;
            status = 0;
            bodyLeft = -1;
            close = false;
        }

        /** Consumes bytes; returns the status once the whole response is read, else 0. */
        int feed(ByteBuffer bytes) throws IOException {
            while (bodyLeft < 0 && bytes.hasRemaining()) {
                if (headLength == MAX_HEAD) {
                    throw new IOException("response head longer than " + MAX_HEAD + " bytes");
                }
                head[headLength++] = bytes.get();
                if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
                        && head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
                    parseHead();
                }
            }
            if (bodyLeft >= 0) {
                long skip = Math.min(bodyLeft, bytes.remaining());
                bytes.position(bytes.position() + (int) skip);
                bodyLeft -= skip;
                if (bodyLeft == 0) {
                    return status;
                }
            }
            return 0;
        }

        private void parseHead() throws IOException {
            String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x response: " + lines[0]);
            }
            status = Integer.parseInt(statusLine[1]);
            long length = -1;
            for (int i = 1; i < lines.length; i++) {
                String lower = lines[i].toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring("content-length:".length()).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                } else if (lower.startsWith("transfer-encoding:")) {
                    throw new IOException("a response without Content-Length: " + lines[i]);
                }
            }
            if (status / 100 == 1 || status == 204 || status == 304) {
                length = 0;
            }
            if (length < 0) {
                throw new IOException("a response without Content-Length (status " + status + ")");
            }
            bodyLeft = length;
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

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
