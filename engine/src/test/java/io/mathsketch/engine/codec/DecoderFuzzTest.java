package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.testing.ByteMutator;
import io.mathsketch.engine.testing.Checkout;
import io.mathsketch.engine.testing.FuzzOutcomes;
import io.mathsketch.engine.testing.FuzzSeeds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of the image decoders as the server reaches them: every mutant of a valid PNG (each colour type
 * and depth, interlaced, with eXIf), JPEG (baseline and progressive, with an APP1 Exif orientation), GIF or BMP
 * goes through the header reads the server makes before decoding ({@link ImageDecoder#declaredSize},
 * {@link ImageDecoder#orientation}, {@link MetadataStripper#strip}), which must never throw, then through
 * {@link ImageDecoder#decode}, which must decode it or throw a {@link RecognitionException} the server answers with a
 * 4xx or 503 ({@link FuzzOutcomes}). A subset also goes through the whole {@link DjlRecognizer} in digit, number and
 * expression mode. Deterministic: the same seed gives the same mutants, so a failure names the mutant to replay.
 *
 * <p>{@value #DEFAULT_ITERATIONS} mutants per run (about 10 s of CPU here); {@code -Dfuzz.iterations=N} and
 * {@code -Dfuzz.seed=S} for a longer or different run (docs/deployment.md, "Mutation fuzzing of the parsers").
 */
class DecoderFuzzTest {

    static final int DEFAULT_ITERATIONS = 3000;
    /** Every this many mutants, one is also recognised in the three modes. */
    static final int RECOGNISED_EVERY = 25;

    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);

    @Test
    void everyMutantDecodesOrIsRefusedWithATypedError() throws Exception {
        Map<String, byte[]> seeds = FuzzSeeds.images();
        List<String> names = List.copyOf(seeds.keySet());
        ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);
        ByteMutator mutator = new ByteMutator(SEED);
        FuzzOutcomes outcomes = new FuzzOutcomes("image");
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder()
                .modelsDirectory(Checkout.models()).workers(1).build())) {
            for (String name : names) {
                // The seeds themselves are valid: they must decode, or the mutants test nothing.
                outcomes.check("seed", name, seeds.get(name), () -> decode(decoder, seeds.get(name)));
            }
            assertEquals(Map.of("decoded", names.size()), outcomes.counts(), "every seed decodes");
            for (int i = 0; i < ITERATIONS; i++) {
                String name = names.get(i % names.size());
                byte[] mutant = mutator.mutate(seeds.get(name));
                String label = name + " mutant " + i;
                outcomes.check(name, label, mutant, () -> decode(decoder, mutant));
                if (i % RECOGNISED_EVERY == 0) {
                    for (RecognitionRequest.Mode mode : RecognitionRequest.Mode.values()) {
                        outcomes.check(mode.name(), label + " " + mode, mutant, () -> {
                            recognizer.recognize(new RecognitionRequest(new Input.EncodedImage(mutant),
                                    Optional.empty(), mode));
                            return "recognised";
                        });
                    }
                }
            }
        }
        System.out.println(outcomes.summary(SEED));
        outcomes.assertNoBugs();
        assertTrue(outcomes.counts().getOrDefault("decoded", 0) > ITERATIONS / 20,
                "some mutants still decode, so the mutations reach the pixels: " + outcomes.counts());
    }

    /** What the server does with an image's bytes before and while it decodes them. */
    private static String decode(ImageDecoder decoder, byte[] bytes) throws RecognitionException {
        ImageDecoder.declaredSize(bytes);
        ImageDecoder.orientation(bytes);
        ImageDecoder.mediaType(bytes);
        MetadataStripper.strip(bytes);
        return decoder.decode(bytes, image -> {
            long sum = 0;
            for (byte b : image.lum()) {
                sum += b & 0xFF;
            }
            return sum >= 0 ? "decoded" : "never";
        });
    }
}
