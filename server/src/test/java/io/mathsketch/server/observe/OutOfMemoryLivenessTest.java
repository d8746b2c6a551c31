package io.mathsketch.server.observe;

import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.ForwardingRecognizer;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * If a heap failure reaches a request despite the budgets, the client gets a 503 problem (never a 500) and the
 * instance reports itself not live, so that an orchestrator replaces it.
 */
class OutOfMemoryLivenessTest {

    @Test
    void aHeapFailureIsAnswered503AndMakesTheInstanceNotLive() {
        AtomicBoolean failNext = new AtomicBoolean();
        try (H2TestDatabase database = new H2TestDatabase();
             TestServer server = TestServer.start(database, Map.of(),
                     (config, listener) -> new Failing(DjlRecognizer.open(config, listener), failNext))) {
            Http http = server.http();
            assertEquals(201, http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(1)).status());
            assertEquals(200, http.get("/observe/health/live").status(), "live before any heap failure");

            failNext.set(true);
            Http.Response failed = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(0));
            assertEquals(503, failed.status(), failed::toString);
            assertEquals("overloaded", failed.problem());
            assertTrue(failed.header("Retry-After").isPresent());

            Http.Response live = http.get("/observe/health/live");
            assertEquals(503, live.status(), live::toString);
            assertTrue(live.text().contains("heap"), live::toString);
            assertEquals(201, http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(1)).status(),
                    "requests are still served while the instance waits to be replaced");
        }
    }

    /** The real engine, except that once armed, the next recognition fails the way an exhausted heap would. */
    private static final class Failing extends ForwardingRecognizer {
        private final AtomicBoolean failNext;

        Failing(Recognizer delegate, AtomicBoolean failNext) {
            super(delegate);
            this.failNext = failNext;
        }

        @Override
        public Recognition recognize(RecognitionRequest request) throws RecognitionException {
            Recognition recognition = super.recognize(request);
            if (failNext.compareAndSet(true, false)) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            return recognition;
        }
    }
}
