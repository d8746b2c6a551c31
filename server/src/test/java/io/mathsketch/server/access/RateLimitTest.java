package io.mathsketch.server.access;

import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.mathsketch.server.testing.RequestCounts.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limits over HTTP, with limits small enough to reach (slow refill, so the test does not race the clock). */
class RateLimitTest {

    // Bursts of 3 requests a client and 8 an address; each test is its own client address.
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(TestServer.rateLimits(3, 8));

    @Test
    void aClientOverItsBucketGets429WithRetryAfterWhileOthersAndThePageAreServed() {
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.1")
                .asClient("busy-client-0123456789");
        long refusedBefore = modelsCounted("429");
        long servedBefore = modelsCounted("200");
        Http.Response limited = untilLimited(() -> client, 3);
        assertEquals("rate-limited", limited.problem());
        int retryAfter = Integer.parseInt(limited.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "whole seconds to the next token at 1/s: " + retryAfter);

        assertEquals(200, client.asClient("calm-client-0123456789").get("/api/v1/models").status(),
                "another client has its own bucket");
        assertEquals(200, client.get("/").status(), "the page is not limited");
        assertEquals(200, client.get("/observe/health/live").status(), "health is not limited");
        // Refused before routing, yet counted under the route it asked for, not under "other": the same label as
        // the requests that route served, the route as documented. The registry is the JVM's: this test's requests.
        assertEquals(refusedBefore + 1, modelsCounted("429"), "429 counted under its route");
        assertTrue(modelsCounted("200") > servedBefore,
                "served requests counted under the same route label");
    }

    @Test
    void freshClientIdsFromOneAddressShareItsBucket() {
        // Every request comes as a new browser (a new id, so a full client bucket) and claims a new address in front
        // of the proxy's entry: only the address the proxy saw can refuse.
        AtomicInteger claimed = new AtomicInteger();
        Http.Response limited = untilLimited(() -> SERVER.http().asBrowser().withHeader("X-Forwarded-For",
                "198.51.100." + claimed.incrementAndGet() + ", 203.0.113.2"), 8);
        assertEquals("rate-limited", limited.problem());
    }

    @Test
    void theAddressesOfOneIpv6Slash64ShareABucket() {
        // An IPv6 subscriber holds a /64: a fresh address (and id) for every request still meets one bucket.
        AtomicInteger claimed = new AtomicInteger();
        Http.Response limited = untilLimited(() -> SERVER.http().asBrowser().withHeader("X-Forwarded-For",
                "2001:db8:7:9:" + Integer.toHexString(claimed.incrementAndGet()) + "::1"), 8);
        assertEquals("rate-limited", limited.problem());
    }

    @Test
    void metricsAndTheOpenApiDocumentTakeTheAddressTokensWhileHealthChecksAreNeverLimited() {
        Http scraper = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.3");
        long start = System.nanoTime();
        int served = 0;
        Http.Response limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Http.Response response = scraper.get(i % 2 == 0 ? "/observe/metrics" : "/openapi");
            if (response.status() == 429) {
                limited = response;
            } else {
                assertEquals(200, response.status(), response::toString);
                served++;
            }
        }
        assertNotNull(limited, "never limited after 200 requests");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(served >= 7 && served <= 8 + Math.ceil(seconds) + 1, served + " served in " + seconds + " s");
        assertEquals("rate-limited", limited.problem());
        assertTrue(limited.header("Retry-After").isPresent(), limited::toString);
        // One bucket for the address: its API requests, from a client with a full bucket of its own, meet it too.
        assertEquals(429, scraper.asClient("fresh-client-0123456789").get("/api/v1/models").status());
        assertEquals(429, scraper.get("/openapi").status());
        assertEquals(429, scraper.send(scraper.request("/openapi").method("TRACE",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status(), "limited before its 405");
        assertEquals(429, scraper.send(scraper.request("/api/v1/stats").method("TRACE",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status(), "limited before its 405");

        for (int i = 0; i < 12; i++) {
            for (String probe : new String[] {"/observe/health", "/observe/health/live", "/observe/health/ready",
                    "/observe/health/started", "/"}) {
                assertEquals(200, scraper.get(probe).status(), probe + " is not limited");
            }
        }
        assertEquals(200, SERVER.http().withHeader("X-Forwarded-For", "203.0.113.4").get("/observe/metrics")
                .status(), "another address has its own bucket");
    }

    /** {@code GET /api/v1/models} requests counted with this status, read without touching a test's buckets. */
    private static long modelsCounted(String status) {
        return counted(SERVER.http(), "method=\"GET\"", "route=\"/api/v1/models\"", "status=\"" + status + "\"");
    }

    /**
     * Sends requests until one is refused; at most the burst plus what refills while they run (1/s) may be served,
     * however slow the machine.
     */
    private static Http.Response untilLimited(Supplier<Http> client, int burst) {
        long start = System.nanoTime();
        int served = 0;
        for (int i = 0; i < 200; i++) {
            Http.Response response = client.get().get("/api/v1/models");
            if (response.status() == 429) {
                double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(served >= burst - 1 && served <= burst + Math.ceil(seconds) + 1,
                        served + " served before the first 429 in " + seconds + " s with a burst of " + burst);
                return response;
            }
            assertEquals(200, response.status(), response::toString);
            served++;
        }
        throw new AssertionError("never limited after 200 requests");
    }
}
