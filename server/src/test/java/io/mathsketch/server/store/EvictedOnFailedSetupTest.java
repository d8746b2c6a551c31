package io.mathsketch.server.store;

import io.mathsketch.server.config.DatabaseSettings;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database server that goes away under the pooled connections, then comes back: the store answers again. A
 * connection used within the pool's alive-bypass window (500 ms) is handed out again unchecked, and Helidon's DB client
 * fails to set its auto-commit mode; without {@link EvictedOnFailedSetup} it never gave it back, and once both were
 * lost (a pool of two: Flyway needs both) every later statement waited for a connection in vain, the database up or
 * not.
 */
class EvictedOnFailedSetupTest {

    @Test
    void aConnectionThatFailsAsItIsHandedOutLeavesThePoolAndTheStoreRecovers() throws Exception {
        try (H2TestDatabase h2 = new H2TestDatabase();
             Database database = Database.open(new DatabaseSettings(h2.url(), h2.user(), h2.password(), 2,
                     Duration.ofMillis(500), false), TestServer.config(Map.of()).get("db.statements"))) {
            RecognitionStore store = new RecognitionStore(database);
            store.ping();
            h2.stop();
            for (int i = 0; i < 4; i++) {
                assertThrows(StoreUnavailableException.class, store::ping);
            }
            h2.restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            boolean answered = false;
            String last = "";
            while (!answered && System.nanoTime() < deadline) {
                try {
                    store.ping();
                    answered = true;
                } catch (StoreUnavailableException e) {
                    last = e.getMessage();
                    Thread.sleep(100);
                }
            }
            String failure = last;
            assertTrue(answered, () -> "the database is back, but the store never answered again: " + failure);
        }
    }
}
