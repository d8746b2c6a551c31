package io.mathsketch.corpus.attack;

import io.mathsketch.corpus.http.RawHttp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fires the attack corpus at a server: {@code concurrency} connections at once, each sending attack after attack on
 * a fresh socket (every attack ends with {@code Connection: close}), for at least {@code duration} and until every
 * attack has been answered once, at most {@code maxDuration}. Every answer is checked against its attack's
 * expectation ({@link Attack#violation}); no answer within {@code answerTimeout}, or a connection closed without an
 * answer, is a violation too. Thread-safe; one run per instance.
 */
public final class AttackRun {

    /** Most body bytes kept of an answer: problem documents are small, and an attack must not cost the client. */
    private static final int MAX_BODY = 64 * 1024;
    private static final int WRITE_CHUNK = 64 * 1024;

    private final String host;
    private final int port;
    private final List<Attack> attacks;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    public AttackRun(String host, int port, List<Attack> attacks) {
        this.host = host;
        this.port = port;
        this.attacks = List.copyOf(attacks);
        for (Attack attack : attacks) {
            tallies.put(attack.name(), new Tally());
        }
    }

    /** What one attack got over a run. */
    public static final class Tally {
        private final AtomicLong sent = new AtomicLong();
        private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        private final AtomicLong violations = new AtomicLong();
        private final AtomicLong maxNanos = new AtomicLong();
        private volatile String firstViolation;

        public long sent() {
            return sent.get();
        }

        public long violations() {
            return violations.get();
        }

        /** The first violation's description, or null. */
        public String firstViolation() {
            return firstViolation;
        }

        /** Answers by status; 0 counts connections that ended without an answer. */
        public Map<Integer, Long> byStatus() {
            Map<Integer, Long> copy = new TreeMap<>();
            byStatus.forEach((status, count) -> copy.put(status, count.get()));
            return copy;
        }

        public Duration slowest() {
            return Duration.ofNanos(maxNanos.get());
        }

        private void record(int status, String violation, long nanos) {
            sent.incrementAndGet();
            byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            maxNanos.accumulateAndGet(nanos, Math::max);
            if (violation != null) {
                if (violations.getAndIncrement() == 0) {
                    firstViolation = violation;
                }
            }
        }
    }

    /** What a run found: per attack, in corpus order. */
    public record Report(Map<String, Tally> tallies, Duration elapsed, int concurrency) {

        public long sent() {
            return tallies.values().stream().mapToLong(Tally::sent).sum();
        }

        public long violations() {
            return tallies.values().stream().mapToLong(Tally::violations).sum();
        }

        /** Attacks never answered within the run. */
        public List<String> unsent() {
            return tallies.entrySet().stream().filter(e -> e.getValue().sent() == 0).map(Map.Entry::getKey).toList();
        }

        /** One line per violated attack: its name, how often, and the first violation. */
        public List<String> violationLines() {
            List<String> lines = new ArrayList<>();
            tallies.forEach((name, tally) -> {
                if (tally.violations() > 0) {
                    lines.add(name + ": " + tally.violations() + " of " + tally.sent() + ", first: "
                            + tally.firstViolation());
                }
            });
            return lines;
        }

        /** A markdown table: attack, answers by status, slowest answer, violations. */
        public String table() {
            StringBuilder md = new StringBuilder("| attack | sent | answers by status | slowest ms | violations |\n"
                    + "|---|---:|---|---:|---:|\n");
            tallies.forEach((name, tally) -> md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %d |%n", name,
                    tally.sent(), tally.byStatus(), tally.slowest().toMillis(), tally.violations())));
            return md.toString();
        }
    }

    /**
     * Runs the corpus and returns what every attack got.
     *
     * @param concurrency connections at once
     * @param duration least time to keep attacking
     * @param maxDuration most time: attacks still unsent by then are reported by {@link Report#unsent()}
     * @param answerTimeout longest wait for one answer
     */
    public Report run(int concurrency, Duration duration, Duration maxDuration, Duration answerTimeout)
            throws InterruptedException {
        long start = System.nanoTime();
        long least = start + duration.toNanos();
        long most = start + maxDuration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual().name("attack-" + i).start(() -> {
                while (true) {
                    long now = System.nanoTime();
                    int n = next.getAndIncrement();
                    if (now > most || (now > least && n >= attacks.size())) {
                        return;
                    }
                    Attack attack = attacks.get(Math.floorMod(n, attacks.size()));
                    long sent = System.nanoTime();
                    Answer answer = send(attack, answerTimeout);
                    String violation = answer.failure() != null ? answer.failure()
                            : attack.violation(answer.status(), answer.contentType(), answer.body());
                    tallies.get(attack.name()).record(answer.status(), violation, System.nanoTime() - sent);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Map<String, Tally> ordered = new java.util.LinkedHashMap<>();
        for (Attack attack : attacks) {
            ordered.put(attack.name(), tallies.get(attack.name()));
        }
        return new Report(ordered, Duration.ofNanos(System.nanoTime() - start), concurrency);
    }

    /** One answer; status 0 with a failure when there was none. */
    record Answer(int status, String contentType, String body, String failure) {
    }

    /** Sends one attack on a fresh connection and reads the answer. */
    Answer send(Attack attack, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            byte[] request = attack.request();
            try {
                for (int at = 0; at < request.length; at += WRITE_CHUNK) {
                    out.write(request, at, Math.min(WRITE_CHUNK, request.length - at));
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // A server may answer (413, 431, 400) and close before reading everything: the answer is still there.
            }
            RawHttp.Response answer = RawHttp.read(new BufferedInputStream(socket.getInputStream()), MAX_BODY);
            return new Answer(answer.status(), answer.contentType(), answer.bodyText(), null);
        } catch (SocketTimeoutException e) {
            return new Answer(0, null, "", "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Answer(0, null, "", "no answer: " + e);
        }
    }
}
