package io.mathsketch.server.store;

import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code "stored": false} is answered only for a row that is really not kept: with a write timeout of zero nearly
 * every request gives up waiting, and each row is then either withdrawn before the writer takes it (not stored, and
 * never written later) or waited for to the end of its transaction (stored).
 */
class StoredMeansKeptTest {

    @Test
    void whatIsAnsweredAsNotStoredIsNeverFoundAndWhatIsStoredAlwaysIs() throws Exception {
        try (H2TestDatabase database = new H2TestDatabase();
             TestServer server = TestServer.start(database, Map.of("store.write-timeout", "0ms"),
                     DjlRecognizer::open)) {
            Http http = server.http();
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] png = Digits.canvasPng(i);
                calls.add(() -> http.post("/api/v1/recognitions", "image/png", png));
            }
            List<Http.Response> responses = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Future<Http.Response> f : pool.invokeAll(calls)) {
                    responses.add(f.get());
                }
            }
            // Give a row that was wrongly left in the queue every chance to be written before looking.
            Thread.sleep(1000);
            for (Http.Response response : responses) {
                boolean stored = response.json().getBoolean("stored");
                assertEquals(stored ? 201 : 200, response.status(), response::toString);
                // The database is up: a row that gave up waiting is not blamed on it.
                assertEquals(stored ? Optional.empty() : Optional.of("199 mathsketch \"recognition not stored\""),
                        response.header("Warning"), response::toString);
                int found = http.get("/api/v1/recognitions/" + response.json().getString("id")).status();
                assertEquals(stored ? 200 : 404, found, "answered stored=" + stored);
            }
        }
    }
}
