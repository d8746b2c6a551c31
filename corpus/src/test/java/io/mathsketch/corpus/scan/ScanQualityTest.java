package io.mathsketch.corpus.scan;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.ConditionScore;
import io.mathsketch.corpus.HeldOutDigits;
import io.mathsketch.corpus.photo.InkSource;
import io.mathsketch.engine.mnist.MnistSubset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition-quality floor on scanned pages (README, "Recognition quality"), an input class the image path was not
 * designed for: {@link Scans} at {@link Scans#TEST_SEED} of MNIST test digits 7, 20, 33, ... and held-out drawings
 * (the styles MNIST has, re-seeded), read in digit mode as the server reads a posted file. Kept out of all tuning
 * ({@code ScanTuning} reads the twin). Prints the score per resolution, bed, page, pen, file and source with every
 * miss.
 */
class ScanQualityTest {

    /** Scans per source. */
    static final int PER_SOURCE = 100;
    /** The held-out drawings' seed here (not the photo test's drawings). */
    static final long HAND_SEED = 0x5CA4_0111L;
    /**
     * Measured 82.00% (164/200) with mnist-cnn 1.1.0 once digit mode read a scanned page as one (PhotoInk.forPage:
     * a frame at least 1200 px each way goes to the photo path whatever its background, with a digit down to a
     * forty-eighth of the frame, filing holes never the digit, a form's box taken out); 14.50% (29/200) before
     * (docs/recognition-quality.md, "Scanned pages"). Most misses are 1-bit scans of pencil or blue ballpoint whose
     * digit the scanner's threshold left out. The floor is what is measured, so that losing one scan fails; it is no
     * target.
     */
    static final double FLOOR = 0.82;

    @Test
    void scannedPagesAreReadAsWellAsTheFloor() throws Exception {
        MnistSubset subset = MnistSubset.load();
        ConditionScore score;
        try (CommittedModel model = new CommittedModel()) {
            score = score(model, set(Scans.TEST_SEED, subset, 7, HAND_SEED, PER_SOURCE));
        }
        System.out.println(score.report());
        assertTrue(score.accuracy() >= FLOOR, score.report());
    }

    /** A tally that counts misses: a reader answering the wrong digit for every scan scores 0. */
    @Test
    void aReaderThatMissesFallsBelowTheFloor() {
        Scans set = new Scans(Scans.TEST_SEED, InkSource.hand(HeldOutDigits.hand(HAND_SEED), 3));
        ConditionScore score = score(set, scan -> "x");
        assertTrue(score.accuracy() < FLOOR, score.report());
    }

    /** {@code perSource} MNIST digits {@code first}, {@code first + 13}, ... and as many drawings of a hand. */
    static Scans set(long seed, MnistSubset subset, int first, long handSeed, int perSource) {
        return new Scans(seed, HeldOutDigits.sources(subset, first, handSeed, perSource));
    }

    static ConditionScore score(CommittedModel model, Scans set) {
        return score(set, scan -> model.read(scan.bytes()));
    }

    /** Scores {@code reader}'s readings of every scan per resolution, bed, page, pen, file and source. */
    static ConditionScore score(Scans set, Function<Scans.Scan, String> reader) {
        return ConditionScore.read(set.size(), set::scan, reader, new ConditionScore.Tally<>("scans",
                Scans.Scan::label, scan -> List.of("dpi " + scan.dpi(), "bed " + scan.bed(), "page " + scan.layout(),
                        "pen " + scan.pen(), "file " + scan.format(), "source " + scan.source().split(" ")[0]),
                Scans.Scan::withoutBytes));
    }
}
