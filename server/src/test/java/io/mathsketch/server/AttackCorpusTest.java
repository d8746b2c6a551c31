package io.mathsketch.server;

import io.mathsketch.corpus.attack.Attack;
import io.mathsketch.corpus.attack.AttackCorpus;
import io.mathsketch.corpus.attack.AttackRun;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's attack corpus ({@link AttackCorpus}) at concurrency 8 against the real process (the packaged JVM options:
 * its 512 MB heap is what the attacks try to exhaust), with the symbol model loaded so that expression mode is
 * attacked too, while normal recognitions run beside it: every attack is answered as its expectation allows (a 4xx or
 * 503 problem document; a 2xx only for well-formed images that are merely large), the normal traffic sees no 5xx and
 * no timeout, no OutOfMemoryError reaches the log, and the instance stays live.
 */
class AttackCorpusTest {

    private static final int CONCURRENCY = 8;
    /** Attacks keep coming at least this long, and until each has been answered once. */
    private static final Duration ATTACK_TIME = Duration.ofSeconds(5);
    private static final Duration MAX_ATTACK_TIME = Duration.ofSeconds(120);
    /** A normal request waiting this long counts as timed out; generous because the test machine may be shared. */
    private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void theAttackCorpusIsRefusedWhileNormalTrafficIsServed(@TempDir Path dir) throws Exception {
        List<Attack> attacks = AttackCorpus.forDefaultLimits();
        // All traffic comes from 127.0.0.1 here: the per-address limit would refuse the normal traffic with the
        // attacks (RateLimitTest covers the limits), and what is tested is what the limits do not stop.
        try (ServerProcess server = ServerProcess.start(dir, Map.of(
                "ENGINE_MODELS", "mnist-cnn,mathsketch-symbols",
                "RATE_LIMIT_PER_CLIENT", "0",
                "RATE_LIMIT_PER_ADDRESS", "0"))) {
            Http http = server.http();
            assertEquals(201, http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)).status());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            Map<String, Integer> normalFailures = new ConcurrentHashMap<>();
            List<Thread> normal = List.of(
                    Thread.ofVirtual().start(() -> recognise(http, "", running, served, normalFailures)),
                    Thread.ofVirtual().start(() -> recognise(http, "mode=number", running, served, normalFailures)));
            AttackRun.Report report;
            try {
                report = new AttackRun("localhost", server.port(), attacks)
                        .run(CONCURRENCY, ATTACK_TIME, MAX_ATTACK_TIME, Duration.ofSeconds(60));
            } finally {
                running.set(false);
                for (Thread thread : normal) {
                    thread.join();
                }
            }
            System.out.println(report.table());
            System.out.printf("%d attacks sent in %s at concurrency %d; normal recognitions served: %d, failed: %s%n",
                    report.sent(), report.elapsed(), CONCURRENCY, served.get(), normalFailures);

            assertEquals(List.of(), report.unsent(), "every attack was answered at least once");
            assertEquals(List.of(), report.violationLines(), "attacks answered outside their expectation");
            assertEquals(Map.of(), normalFailures, "normal recognitions that failed (status or timeout)");
            assertTrue(served.get() > 0, "normal recognitions were served beside the attacks");
            Http.Response live = http.get("/observe/health/live");
            assertEquals(200, live.status(), live::toString);
            assertTrue(live.text().contains("heap"), live::toString);
            List<String> oom = server.log().stream().filter(line -> line.contains("OutOfMemoryError")).toList();
            assertEquals(List.of(), oom, "no OutOfMemoryError in the log");
        }
    }

    /** Normal recognitions one after another until told to stop; failures counted by status (or "timeout"). */
    private static void recognise(Http http, String query, AtomicBoolean running, AtomicInteger served,
                                  Map<String, Integer> failures) {
        Http client = http.asClient("attack-test-normal-" + query.length());
        for (int i = 0; running.get(); i++) {
            try {
                Http.Response response = client.send(client.request("/api/v1/recognitions?" + query)
                        .timeout(NORMAL_TIMEOUT).header("Content-Type", "image/png")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Digits.canvasPng(i % 50)))
                        .build());
                if (response.status() / 100 == 2) {
                    served.incrementAndGet();
                } else {
                    failures.merge(query + " " + response.status() + " " + response.text(), 1, Integer::sum);
                }
            } catch (UncheckedIOException e) {
                String kind = e.getCause() instanceof HttpTimeoutException ? "timeout" : e.getCause().toString();
                failures.merge(query + " " + kind, 1, Integer::sum);
            }
        }
    }
}
