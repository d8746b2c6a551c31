package io.mathsketch.corpus.chalk;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.ConditionScore;
import io.mathsketch.corpus.HeldOutDigits;
import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.InkSource;
import io.mathsketch.engine.mnist.MnistSubset;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition-quality floor on chalkboard photos (README, "Recognition quality"), light ink on a dark ground, an input
 * class the image path was not designed for (its photo path takes ink to be darker than the paper):
 * {@link Chalkboards} at {@link Chalkboards#TEST_SEED} of MNIST test digits 3, 16, 29, ... and held-out drawings
 * (the styles MNIST has, re-seeded), read in digit mode as the server reads a posted file. A blind spot measured, kept
 * out of all tuning ({@code ChalkboardTuning} reads the twin). Prints the score per frame regime, size, ground, chalk,
 * edge, reflection, haze and source, how many were answered blank, and every miss.
 */
class ChalkboardQualityTest {

    /** Photos per source. */
    static final int PER_SOURCE = 75;
    /** The first MNIST test digit of the held-out set; the twin's is {@link #TUNING_FIRST} (another residue of 13). */
    static final int TEST_FIRST = 3;
    static final int TUNING_FIRST = 1;
    /** The held-out drawings' seed here (no other set's drawings); the twin's is {@link #TUNING_HAND_SEED}. */
    static final long HAND_SEED = 0xC4A1_C111L;
    static final long TUNING_HAND_SEED = 0xC4A1_C121L;
    /**
     * Measured 89.33% (134/150) with mnist-cnn 1.1.0 once the photo path reads light marks on a dark ground turned
     * over ({@code InkPolarity}; docs/recognition-quality.md, "Read turned over"), rounded down; 29.33% (44/150)
     * before, which fails it. Not a target: it catches the figure falling.
     */
    static final double FLOOR = 0.89;

    @Test
    void chalkboardPhotosAreReadAsWellAsTheFloor() throws Exception {
        MnistSubset subset = MnistSubset.load();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime(), cpu = os.getProcessCpuTime();
        ConditionScore score;
        try (CommittedModel model = new CommittedModel()) {
            score = score(model, new Chalkboards(Chalkboards.TEST_SEED, HeldOutDigits.sources(subset, TEST_FIRST, HAND_SEED,
                    PER_SOURCE)));
        }
        // CPU seconds as well as wall time: on a shared machine only the first says what a quiet one would take.
        System.out.printf("%s%n  (%.1f s, %.1f s of CPU)%n", score.report(), (System.nanoTime() - start) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9);
        assertTrue(score.accuracy() >= FLOOR, score.report());
    }

    /** A tally that counts misses: a reader answering the wrong digit for every photo scores 0. */
    @Test
    void aReaderThatMissesFallsBelowTheFloor() {
        Chalkboards set = new Chalkboards(Chalkboards.TEST_SEED, InkSource.hand(HeldOutDigits.hand(HAND_SEED), 3));
        ConditionScore score = score(set, photo -> "x");
        assertTrue(score.accuracy() < FLOOR, score.report());
    }

    /** The tuning twin shows none of the held-out set's digits: no MNIST digit and no drawing is in both. */
    @Test
    void theTuningTwinSharesNoDigitWithTheHeldOutSet() {
        MnistSubset subset = MnistSubset.load();
        List<InkSource> test = HeldOutDigits.sources(subset, TEST_FIRST, HAND_SEED, PER_SOURCE);
        List<InkSource> tuning = HeldOutDigits.sources(subset, TUNING_FIRST, TUNING_HAND_SEED, PER_SOURCE);
        List<String> mnist = test.stream().map(InkSource::name).filter(n -> n.startsWith("MNIST")).toList();
        for (InkSource s : tuning) {
            assertTrue(!mnist.contains(s.name()), s.name() + " is in both sets");
        }
        // Drawings are named by their hand's name and index alone, so compare the ink itself.
        List<InkCoverage> drawn = test.stream().filter(s -> !s.name().startsWith("MNIST")).map(s -> s.ink().apply(40))
                .toList();
        for (InkSource s : tuning.stream().filter(s -> !s.name().startsWith("MNIST")).toList()) {
            InkCoverage ink = s.ink().apply(40);
            assertTrue(drawn.stream().noneMatch(d -> d.width() == ink.width()
                    && Arrays.equals(d.coverage(), ink.coverage())), s.name() + " draws a held-out drawing");
        }
    }

    static ConditionScore score(CommittedModel model, Chalkboards set) {
        return score(set, photo -> model.read(photo.bytes()));
    }

    /**
     * Scores {@code reader}'s readings of every photo per regime, frame, digit size, ground, chalk, edge, reflection,
     * haze and source.
     */
    static ConditionScore score(Chalkboards set, Function<Chalkboards.Photo, String> reader) {
        return ConditionScore.read(set.size(), set::photo, reader, new ConditionScore.Tally<>("chalkboards",
                Chalkboards.Photo::label, photo -> {
                    int share = 10 * (int) (10.0 * photo.digitPixels() / Math.min(photo.width(), photo.height()));
                    String haze = photo.haze() == 0 ? "none" : photo.haze() < 0.05 ? "light" : "heavy";
                    return List.of(photo.pageSized() ? "read as a page" : "read as a photo",
                            "frame " + Math.max(photo.width(), photo.height()), "digit " + share + "% of the side",
                            "ground " + photo.surface(), "chalk " + photo.chalk(), "edge " + photo.edge(),
                            "reflection " + (photo.reflection() ? "yes" : "no"), "haze " + haze,
                            "source " + photo.source().split(" ")[0]);
                }, Chalkboards.Photo::withoutBytes));
    }
}
