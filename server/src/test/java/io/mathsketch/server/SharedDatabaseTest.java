package io.mathsketch.server;

import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.store.Database;
import io.mathsketch.server.store.RecognitionIds;
import io.mathsketch.server.store.RecognitionRecord;
import io.mathsketch.server.store.RecognitionStore;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Folders;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.PostgresTestDatabase;
import io.mathsketch.server.testing.TestServer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL behave as one service: what is written through one is read, listed, counted and
 * corrected through the other, cursors work on any instance, and only model reloads are per instance. Each instance
 * has its own copy of the models folder, as separate containers would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedDatabaseTest {

    private static final String TOKEN = "shared-database-test-admin-token-0123";

    private PostgresTestDatabase postgres;
    private Path modelsOfA;
    private Path modelsOfB;
    private TestServer a;
    private TestServer b;

    @BeforeAll
    void start() throws Exception {
        postgres = new PostgresTestDatabase();
        modelsOfA = Folders.copyOfModel("mnist-cnn");
        modelsOfB = Folders.copyOfModel("mnist-cnn");
        // Started together on the fresh schema, as a rolling deployment or an autoscaler would.
        CompletableFuture<TestServer> first = CompletableFuture.supplyAsync(() -> startInstance(modelsOfA));
        CompletableFuture<TestServer> second = CompletableFuture.supplyAsync(() -> startInstance(modelsOfB));
        a = first.get();
        b = second.get();
    }

    private TestServer startInstance(Path models) {
        return TestServer.start(postgres, Map.of("engine.models-dir", models.toString(), "engine.models", "mnist-cnn", "admin.token", TOKEN),
                DjlRecognizer::open);
    }

    @AfterAll
    void stop() {
        Stream.of(a, b).filter(Objects::nonNull).forEach(TestServer::close);
        if (postgres != null) {
            postgres.close();
        }
        Stream.of(modelsOfA, modelsOfB).filter(Objects::nonNull).forEach(Folders::deleteRecursively);
    }

    @Test
    void whatOneInstanceStoresTheOtherReadsListsCountsAndCorrects() {
        String viaA = recognise(a, 0);
        String viaB = recognise(b, 1);

        assertEquals(200, b.http().get("/api/v1/recognitions/" + viaA).status());
        assertEquals(200, a.http().get("/api/v1/recognitions/" + viaB).status());
        assertEquals(200, b.http().get("/api/v1/recognitions/" + viaA + "/image").status());
        assertEquals(listing(a, 100), listing(b, 100), "both instances list the same rows in the same order");
        assertTrue(listing(b, 100).containsAll(List.of(viaA, viaB)));

        // Corrected through the instance that did not recognise it; seen through the one that did.
        Http.Response corrected = b.http().putJson("/api/v1/recognitions/" + viaA + "/feedback", "{\"label\": \"3\"}");
        assertEquals(200, corrected.status(), corrected::toString);
        assertEquals("3", a.http().get("/api/v1/recognitions/" + viaA).json()
                .getJsonObject("feedback").getString("label"));
        assertTrue(listing(a, 100, "label=3").contains(viaA), "filtered by the correction on the other instance");

        // Without computedAt: each instance computes its own, a moment apart.
        Map<String, JsonValue> statsA = new HashMap<>(a.http().get("/api/v1/stats").json());
        Map<String, JsonValue> statsB = new HashMap<>(b.http().get("/api/v1/stats").json());
        statsA.remove("computedAt");
        statsB.remove("computedAt");
        assertEquals(statsA, statsB, "stats are computed from the shared rows");
        assertTrue(((JsonNumber) statsA.get("corrected")).longValue() >= 1);
    }

    @Test
    void aCursorFromOneInstanceContinuesOnTheOther() {
        for (int i = 0; i < 7; i++) {
            recognise(i % 2 == 0 ? a : b, i);
        }
        List<String> all = listing(a, 100);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        for (int page = 0; ; page++) {
            TestServer instance = page % 2 == 0 ? a : b;
            JsonObject json = instance.http().get("/api/v1/recognitions?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            json.getJsonArray("items").forEach(item -> walked.add(item.asJsonObject().getString("id")));
            if (json.get("nextCursor") == JsonValue.NULL) {
                break;
            }
            cursor = json.getString("nextCursor");
        }
        assertEquals(all, walked, "alternating instances page through every row once, in order");
    }

    /**
     * Ids and times come from each instance's clock, so an instance whose clock lags stores rows "in the past". The
     * listing is ordered by (time, id), not by commit order: a walk already under way meets a lagging row once, at
     * its time, and never meets a row stored with a time before its cursor.
     */
    @Test
    void rowsFromInstancesWithSkewedClocksKeepTheirPlaceInAWalk() {
        for (int i = 0; i < 4; i++) {
            recognise(a, i);
        }
        JsonObject first = a.http().get("/api/v1/recognitions?limit=2").json();
        List<String> seen = new ArrayList<>();
        first.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("id")));
        Instant cursorTime = Instant.parse(first.getJsonArray("items").getJsonObject(1).getString("createdAt"));

        String lagging;
        String ahead;
        try (Database database = TestServer.openDatabase(postgres)) {
            RecognitionStore store = new RecognitionStore(database);
            RecognitionRecord template = store.find(seen.getFirst()).orElseThrow();
            lagging = storeAt(store, template, cursorTime.minus(Duration.ofSeconds(5)));
            ahead = storeAt(store, template, Instant.now().plus(Duration.ofSeconds(5)));
        }

        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonObject page = b.http().get("/api/v1/recognitions?limit=2&cursor=" + cursor).json();
            page.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("id")));
            cursor = page.get("nextCursor") == JsonValue.NULL ? null : page.getString("nextCursor");
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no row twice");
        assertEquals(1, seen.stream().filter(lagging::equals).count(), "the lagging row is met once");
        assertFalse(seen.contains(ahead), "a row timed before the cursor is not part of this walk");
        assertEquals(ahead, listing(b, 1).getFirst(), "a fresh listing starts with it");
        Set<String> everything = new HashSet<>(listing(a, 100));
        everything.remove(ahead);
        assertEquals(everything, new HashSet<>(seen), "every other row is met");
    }

    @Test
    void reloadingAModelChangesOnlyTheInstanceThatReloads() throws IOException {
        Path manifest = modelsOfA.resolve("mnist-cnn/manifest.json");
        TestServer reloaded = a;
        TestServer other = b;
        Files.writeString(manifest, Files.readString(manifest)
                .replaceFirst("\"version\": \"[^\"]+\"", "\"version\": \"9.9.9-reloaded\""));

        Http.Response response = reloaded.http().send(reloaded.http().request("/api/v1/models/mnist-cnn/reload")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.status(), response::toString);

        assertEquals("9.9.9-reloaded", modelVersion(reloaded));
        assertFalse(modelVersion(other).equals("9.9.9-reloaded"), "the other instance keeps its model");
        String id = recognise(reloaded, 5);
        assertEquals("9.9.9-reloaded", other.http().get("/api/v1/recognitions/" + id).json()
                .getJsonObject("model").getString("version"), "rows record the instance's model version");
    }

    private static String recognise(TestServer server, int digit) {
        Http.Response created = server.http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(digit));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private static List<String> listing(TestServer server, int limit, String... filters) {
        String query = "?limit=" + limit + Stream.of(filters).map(f -> "&" + f).reduce("", String::concat);
        Http.Response response = server.http().get("/api/v1/recognitions" + query);
        assertEquals(200, response.status(), response::toString);
        return response.json().getJsonArray("items").stream().map(i -> i.asJsonObject().getString("id")).toList();
    }

    private static String modelVersion(TestServer server) {
        return server.http().get("/api/v1/models").json().getJsonArray("models").getJsonObject(0).getString("version");
    }

    private static String storeAt(RecognitionStore store, RecognitionRecord template, Instant at) {
        RecognitionRecord row = new RecognitionRecord(new RecognitionIds().next(at), at, template.mode(),
                template.text(), template.confidence(), template.labels(), template.readings(),
                template.inputPixels(), template.original(), template.contentType(), template.model(),
                template.engine(), template.device(), template.timings(), template.feedback(), template.owner());
        store.insertAll(List.of(row));
        return row.id();
    }
}
