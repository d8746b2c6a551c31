package io.mathsketch.server.api;

import io.mathsketch.engine.testing.ByteMutator;
import io.mathsketch.engine.testing.FuzzSeeds;
import io.mathsketch.engine.testing.JsonMutator;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.MultipartBodies;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing over HTTP, with the packaged configuration and every committed model: mutants of valid images
 * (posted raw under their own or another content type, as a JSON {@code image} data URL whose JSON is mutated too,
 * or as the file of a {@code multipart/form-data} form whose framing is mutated too), of valid ink documents and of
 * 28x28 {@code pixels} arrays, in digit, number and expression mode. Every answer is a 2xx, or a 4xx with an
 * {@code application/problem+json} body, never a 5xx; the server still reads a valid digit afterwards. The engine's
 * fuzz tests ({@code DecoderFuzzTest}, {@code InkFuzzTest}) send many more mutants without HTTP.
 *
 * <p>{@value #DEFAULT_REQUESTS} requests per run; {@code -Dfuzz.requests=N} and {@code -Dfuzz.seed=S} for more.
 */
class FuzzedBodiesTest {

    static final int DEFAULT_REQUESTS = 300;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    private static final String BOUNDARY = "fuzz-boundary-7MA4YWxkTrZu0gW";
    private static final String[] MODES = {"", "mode=number", "mode=expression"};
    private static final String[] OTHER_TYPES = {"application/octet-stream", "image/png", "image/jpeg",
            "image/webp", "text/plain", "application/json"};

    @Test
    void everyMutatedBodyIsAnsweredOrRefusedAsAProblem() {
        Map<String, byte[]> images = FuzzSeeds.images();
        List<String> imageNames = List.copyOf(images.keySet());
        List<String> inks = List.copyOf(FuzzSeeds.inks().values());
        ByteMutator bytes = new ByteMutator(SEED);
        JsonMutator json = new JsonMutator(SEED);
        Http http = SERVER.http();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String path = "/api/v1/recognitions?" + MODES[i / 4 % MODES.length];
            String name = imageNames.get(i % imageNames.size());
            String type;
            byte[] body;
            switch (i % 4) {
                case 0 -> {
                    type = i % 3 == 0 ? OTHER_TYPES[i / 3 % OTHER_TYPES.length] : mediaType(name);
                    body = bytes.mutate(images.get(name));
                }
                case 1 -> {
                    type = "application/json";
                    String image = Base64.getEncoder().encodeToString(bytes.mutate(images.get(name)));
                    String document = "{\"image\":\"data:" + mediaType(name) + ";base64," + image + "\"}";
                    body = (i % 2 == 0 ? json.mutate(document) : document).getBytes(StandardCharsets.UTF_8);
                }
                case 2 -> {
                    type = "application/json";
                    String document = i % 8 == 6 ? "{\"pixels\":" + Digits.pixelsJson(i % 50) + "}"
                            : "{\"ink\":" + inks.get(i % inks.size()) + "}";
                    body = json.mutate(document).getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    type = "multipart/form-data; boundary=" + BOUNDARY;
                    byte[] form = MultipartBodies.form(BOUNDARY, bytes.mutate(images.get(name)));
                    body = i % 8 == 3 ? bytes.mutate(form) : form;
                }
            }
            Http.Response response = http.post(path, type, body);
            statuses.merge(response.status(), 1, Integer::sum);
            boolean problem = response.header("Content-Type").orElse("").startsWith("application/problem+json");
            if (response.status() >= 500 || response.status() < 200 || response.status() / 100 == 3
                    || (response.status() >= 400 && !problem)) {
                violations.add("request " + i + " (" + name + ", " + type + ", " + path + "): " + response);
            }
        }
        System.out.println("fuzzed bodies, seed " + SEED + ": " + REQUESTS + " requests, statuses " + statuses);
        assertEquals(List.of(), violations, "answers outside the error contract");
        assertTrue(statuses.keySet().stream().anyMatch(s -> s / 100 == 2), "some mutants are still read: " + statuses);
        Http.Response valid = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(0));
        assertEquals(201, valid.status(), valid::toString);
    }

    private static String mediaType(String seed) {
        return "image/" + switch (seed.substring(0, seed.indexOf('-') < 0 ? seed.length() : seed.indexOf('-'))) {
            case "jpeg" -> "jpeg";
            case "gif" -> "gif";
            case "bmp" -> "bmp";
            default -> "png";
        };
    }
}
