package io.mathsketch.corpus.board;

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
 * Recognition-quality floor on whiteboard photos (README, "Recognition quality"), an input class the image path was
 * not designed for: {@link Whiteboards} at {@link Whiteboards#TEST_SEED} of MNIST test digits 11, 24, 37, ... and
 * held-out drawings (the styles MNIST has, re-seeded), read in digit mode as the server reads a posted file. Kept out
 * of all tuning ({@code WhiteboardTuning} reads the twin). Prints the score per frame regime, size, marker, board
 * edge, glare and source with every miss.
 */
class WhiteboardQualityTest {

    /** Photos per source. */
    static final int PER_SOURCE = 75;
    /** The held-out drawings' seed here (not the photo or scan tests' drawings). */
    static final long HAND_SEED = 0xB0A4_D111L;
    /**
     * Measured 96.67% (145/150) with mnist-cnn 1.1.0 (docs/recognition-quality.md, "Whiteboard photos"): all five
     * misses MNIST digits read as another digit, none blank. The floor is what is measured, rounded down; it is no
     * target.
     */
    static final double FLOOR = 0.96;

    @Test
    void whiteboardPhotosAreReadAsWellAsTheFloor() throws Exception {
        MnistSubset subset = MnistSubset.load();
        ConditionScore score;
        try (CommittedModel model = new CommittedModel()) {
            score = score(model, set(Whiteboards.TEST_SEED, subset, 11, HAND_SEED, PER_SOURCE));
        }
        System.out.println(score.report());
        assertTrue(score.accuracy() >= FLOOR, score.report());
    }

    /** A tally that counts misses: a reader answering the wrong digit for every photo scores 0. */
    @Test
    void aReaderThatMissesFallsBelowTheFloor() {
        Whiteboards set = new Whiteboards(Whiteboards.TEST_SEED, InkSource.hand(HeldOutDigits.hand(HAND_SEED), 3));
        ConditionScore score = score(set, photo -> "x");
        assertTrue(score.accuracy() < FLOOR, score.report());
    }

    /** {@code perSource} MNIST digits {@code first}, {@code first + 13}, ... and as many drawings of a hand. */
    static Whiteboards set(long seed, MnistSubset subset, int first, long handSeed, int perSource) {
        return new Whiteboards(seed, HeldOutDigits.sources(subset, first, handSeed, perSource));
    }

    static ConditionScore score(CommittedModel model, Whiteboards set) {
        return score(set, photo -> model.read(photo.bytes()));
    }

    /** Scores {@code reader}'s readings of every photo per regime, frame, digit size, marker, edge, glare and source. */
    static ConditionScore score(Whiteboards set, Function<Whiteboards.Photo, String> reader) {
        return ConditionScore.read(set.size(), set::photo, reader, new ConditionScore.Tally<>("whiteboards",
                Whiteboards.Photo::label, photo -> {
                    int share = 10 * (int) (10.0 * photo.digitPixels() / Math.min(photo.width(), photo.height()));
                    return List.of(photo.pageSized() ? "read as a page" : "read as a photo",
                            "frame " + Math.max(photo.width(), photo.height()), "digit " + share + "% of the side",
                            "marker " + photo.marker(), "edge " + photo.edge(),
                            "glare " + (photo.glareSpots() > 0 || photo.band() ? "yes" : "no"),
                            "source " + photo.source().split(" ")[0]);
                }, Whiteboards.Photo::withoutBytes));
    }
}
