package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.json.ByteJsonParser;
import io.mathsketch.engine.testing.Checkout;
import io.mathsketch.engine.testing.FuzzOutcomes;
import io.mathsketch.engine.testing.FuzzSeeds;
import io.mathsketch.engine.testing.JsonMutator;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of ink JSON as the server reads it: every mutant of a valid ink document, as the {@code ink}
 * member of a request body, is read by {@link ByteJsonParser} and {@link InkJson#read(ByteJsonParser, byte[],
 * InputLimits)}, which must read it or refuse it with an {@code InvalidInk}/{@code InkTooLarge} or one of the parser's
 * exceptions the server's JSON body reader turns into a 400 ({@link FuzzOutcomes}); ink that is read is written back
 * and read again, and a subset is recognised in digit, number and expression mode.
 *
 * <p>{@value #DEFAULT_ITERATIONS} mutants per run; {@code -Dfuzz.iterations=N} and {@code -Dfuzz.seed=S} for more.
 */
class InkFuzzTest {

    static final int DEFAULT_ITERATIONS = 3000;
    /** Every this many mutants that are read as ink, one is also recognised in the three modes. */
    static final int RECOGNISED_EVERY = 3;

    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    /** What the server's JSON body reader answers with a 400 (server {@code api.JsonBody}). */
    private static final Set<Class<? extends RuntimeException>> PARSER_REFUSALS = Set.of(JsonException.class,
            IllegalStateException.class, NoSuchElementException.class);

    @Test
    void everyMutantIsReadOrRefusedWithATypedError() throws Exception {
        Map<String, String> seeds = FuzzSeeds.inks();
        List<String> names = List.copyOf(seeds.keySet());
        JsonMutator mutator = new JsonMutator(SEED);
        FuzzOutcomes outcomes = new FuzzOutcomes("ink", PARSER_REFUSALS);
        int read = 0;
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder()
                .modelsDirectory(Checkout.models()).workers(1).build())) {
            for (String name : names) {
                byte[] body = body(seeds.get(name));
                outcomes.check("seed", name, body, () -> readBack(body) != null ? "read" : "none");
            }
            assertEquals(Map.of("read", names.size()), outcomes.counts(), "every seed is read");
            for (int i = 0; i < ITERATIONS; i++) {
                String name = names.get(i % names.size());
                byte[] body = body(mutator.mutate(seeds.get(name)));
                String label = name + " mutant " + i;
                Ink[] ink = new Ink[1];
                outcomes.check(name, label, body, () -> {
                    ink[0] = readBack(body);
                    return ink[0] != null ? "read" : "notInk";
                });
                if (ink[0] != null && read++ % RECOGNISED_EVERY == 0) {
                    for (RecognitionRequest.Mode mode : RecognitionRequest.Mode.values()) {
                        outcomes.check(mode.name(), label + " " + mode, body, () -> {
                            recognizer.recognize(new RecognitionRequest(new Input.DigitalInk(ink[0]),
                                    Optional.empty(), mode));
                            return "recognised";
                        });
                    }
                }
            }
        }
        System.out.println(outcomes.summary(SEED));
        outcomes.assertNoBugs();
        assertTrue(outcomes.counts().getOrDefault("read", 0) > ITERATIONS / 50,
                "some mutants are still ink, so the mutations reach the strokes: " + outcomes.counts());
    }

    private static byte[] body(String ink) {
        return ("{\"ink\":" + ink + ",\"mode\":\"number\"}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The ink of a request body read as the server's body reader does (null when its first member is not an object),
     * written back and read again: the text kept of it must read back to the same strokes.
     */
    private static Ink readBack(byte[] body) throws Exception {
        try (ByteJsonParser parser = new ByteJsonParser(body)) {
            if (parser.next() != JsonParser.Event.START_OBJECT || parser.next() != JsonParser.Event.KEY_NAME
                    || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            InkJson.Read read = InkJson.read(parser, body, InputLimits.DEFAULT);
            String kept = new String(read.json(), StandardCharsets.UTF_8);
            try {
                assertEquals(read.ink().strokes().size(), InkJson.read(kept, InputLimits.DEFAULT).strokes().size());
            } catch (Exception | AssertionError e) {
                // Not a refusal of the body: the server stores this text and must read it back.
                throw new AssertionError("the ink's kept text does not read back: " + kept, e);
            }
            return read.ink();
        }
    }
}
