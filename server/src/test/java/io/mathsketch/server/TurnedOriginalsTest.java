package io.mathsketch.server;

import io.mathsketch.corpus.attack.Attack;
import io.mathsketch.corpus.attack.AttackCorpus;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Turned pictures (EXIF orientation 6) of 4096x4096 16-bit pixels, a few every second from one address, against the
 * real process and its 512 MB heap: keeping an original copies a turned picture upright by decoding it whole, after
 * the engine has given its decode budget back, and such copies, unbounded and made with {@code store=false} too, filled
 * the heap (an OutOfMemoryError, the instance no longer live). Every request is answered and the instance stays live.
 */
class TurnedOriginalsTest {

    private static final int REQUESTS = 12;
    /** Apart enough that each passes the address's decode share once the one before has been read. */
    private static final long GAP_MILLIS = 350;

    @Test
    void turnedPicturesSentTogetherLeaveTheInstanceLive(@TempDir Path dir) throws Exception {
        Map<String, byte[]> turned = new ConcurrentHashMap<>();
        for (Attack attack : AttackCorpus.forDefaultLimits()) {
            if (attack.name().equals("turned-16-bit-png-digit") || attack.name().equals("turned-16-bit-png-stored")) {
                turned.put(attack.name(), attack.request());
            }
        }
        assertEquals(2, turned.size());
        try (ServerProcess server = ServerProcess.start(dir, Map.of(
                "RATE_LIMIT_PER_CLIENT", "0",
                "RATE_LIMIT_PER_ADDRESS", "0"))) {
            RawHttp raw = new RawHttp(server.port());
            Set<Integer> statuses = ConcurrentHashMap.newKeySet();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = turned.get(i % 2 == 0 ? "turned-16-bit-png-digit" : "turned-16-bit-png-stored");
                senders.add(Thread.ofVirtual().start(() -> statuses.add(raw.send(request).status())));
                Thread.sleep(GAP_MILLIS);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            assertTrue(statuses.stream().allMatch(s -> s / 100 == 2 || s == 503), statuses::toString);
            Http.Response live = server.http().get("/observe/health/live");
            assertEquals(200, live.status(), live::toString);
            List<String> oom = server.log().stream().filter(line -> line.contains("OutOfMemoryError")).toList();
            assertEquals(List.of(), oom, "no OutOfMemoryError in the log");
        }
    }
}
