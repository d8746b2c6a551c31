package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.CommittedModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition-quality floor on written numbers (README, "Recognition quality"): the committed digit model, with the
 * digit verifier, the pair reader and the line reader loaded beside it, reads the
 * held-out {@link NumberConfig#TEST} set of 2-6 digit numbers (MNIST test digits and held-out handwriting; clean,
 * broken, touching and unevenly spaced) posted as canvas PNGs in {@code mode=number}; a number counts only when every
 * digit is right and none is missing or extra.
 */
class NumberQualityTest {

    /** 100 numbers per kind, half of MNIST digits and half drawn by the held-out hand. */
    static final int NUMBERS = 400;
    /**
     * Issue 11 asks 96%. With mnist-cnn 1.1.0, the digit verifier (mathsketch-digit-verifier 1.0.0), the pair reader
     * (mathsketch-digit-pairs 1.1.0) and the line reader (mathsketch-line-reader 1.1.0, rescoring the search's 8 best
     * readings at weight 0.5, and its own reading answered when more than 6 likelier in log-probability)
     * recognition-driven segmentation reads 97.25% (389/400) of this set exactly, touching neighbours 94% of theirs;
     * 94.75% (379/400, touching 88%) with the line reader 1.0.0; 94.00% (376/400, touching 87%) without the line reader's own reading; 93.00% (372/400, touching 83%) without the line reader; with the
     * pair reader (trained with augmentation; pair weight 3) and the digit model's own choice of each candidate's
     * digit 92.50% (370/400), touching neighbours 81% of theirs; 91.75% (367/400,
     * touching 79%) with the pair reader 1.0.0 at weight 2; 85.25% (341/400, touching 52%) without the pair reader;
     * 79.75% (319/400, touching 42%) without the verifier (78.75% before the search charged for a second tall stroke
     * in one digit, 76.00% before edge slivers stopped counting as cuts); the connected-components segmenter it
     * replaced read 69.25% (touching 18%). The floor is one number under the measured figure (the run is
     * deterministic), so that a regression fails, and the line reader 1.0.0 (379/400) fails too.
     */
    static final double NUMBER_FLOOR = 0.97;

    @Test
    void writtenNumbersAreReadExactlyAsOftenAsTheFloor() throws Exception {
        NumberScore score;
        try (CommittedModel model = CommittedModel.forNumbers()) {
            score = NumberScore.of(model, NumberConfig.TEST, NUMBERS);
        }
        String report = score.report("numbers (" + NumberConfig.TEST.name() + ")");
        System.out.println(report);
        assertTrue(score.accuracy() >= NUMBER_FLOOR, report);
    }
}
