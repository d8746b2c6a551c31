package io.mathsketch.engine.segment;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.TooManyDigits;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.CanvasRenderer.Placement;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Candidate digits: every way a digit may have been written (in pieces, touching its neighbour) is among the
 * candidates, the candidates cover the ink left to right, and their number stays bounded.
 */
class CandidateSegmenterTest {

    private final CandidateSegmenter segmenter = new CandidateSegmenter();

    @Test
    void aDigitInTwoStrokesIsOneCandidateAndEachStrokeAnother() throws RecognitionException {
        // The same row as ReadingSearchTest's: a 1, a 4 in two strokes, a 7, 30 pixels apart.
        InkImage image = row(List.of(SyntheticDigits.draw("1", 100, 0.08),
                SyntheticDigits.draw("4-two-strokes", 100, 0.08), SyntheticDigits.draw("7", 100, 0.08)), 30);

        Candidates candidates = segmenter.propose(image, 32);

        int fourLeft = ReadingSearchTest.inkColumns(1)[0], fourRight = ReadingSearchTest.inkColumns(1)[1];
        assertTrue(candidates.candidates().stream().anyMatch(c -> c.x0() <= fourLeft + 3 && c.x1() >= fourRight - 3
                && c.x0() >= fourLeft - 3 && c.x1() <= fourRight + 3), "the two strokes of the 4 together");
        assertTrue(candidates.candidates().stream().filter(c -> c.x0() >= fourLeft - 3 && c.x1() <= fourRight + 3)
                .count() >= 3, "and apart");
        assertTrue(candidates.candidates().stream().allMatch(c -> c.to() - c.from() <= CandidateSegmenter.MAX_ATOMS_PER_DIGIT));
    }

    @Test
    void touchingDigitsAreCutAlongTheValleyBetweenThem() throws RecognitionException {
        InkImage two = SyntheticDigits.draw("2", 100, 0.09), seven = SyntheticDigits.draw("7", 100, 0.09);
        List<Placement> row = List.of(CanvasRenderer.place(two, 10, 10, 1), CanvasRenderer.place(seven, 66, 10, 1));
        InkImage image = new InkImage(160, 130, CanvasRenderer.white(160, 130).inkField(row));
        assertEquals(1, StrokeMap.of(image, NumberSegmenter.STROKE_THRESHOLD).count, "the digits must touch");

        Candidates candidates = segmenter.propose(image, 32);

        assertTrue(candidates.atoms() >= 2, "the joined strokes are cut");
        // Some boundary between atoms parts the two digits: one run of atoms ends near the 2's right side.
        boolean parted = false;
        for (Candidate c : candidates.candidates()) {
            if (c.from() == 0 && c.x1() <= 10 + two.width() + 4 && c.x1() >= 10 + two.width() - 20) {
                parted |= has(candidates, c.to(), candidates.atoms());
            }
        }
        assertTrue(parted, "a candidate for the 2 and one for the 7");
    }

    @Test
    void candidatesAreBoundedByTheDigitLimit() {
        float[] ink = new float[400 * 60];
        for (int x = 5; x < 395; x += 6) {
            for (int y = 10; y < 50; y++) {
                ink[y * 400 + x] = 1f;
                ink[y * 400 + x + 1] = 1f;
            }
        }
        // 65 strokes: more pieces than 3 digits may be made of.
        assertThrows(TooManyDigits.class, () -> segmenter.propose(new InkImage(400, 60, ink), 3));
    }

    @Test
    void piecesTooTallAndCloseForANumberAreRefusedBeforeAnyIsCutOut() {
        // The review's crafted picture: bars 2 pixels wide, 8 apart, as tall as the image. 128 pieces are within what
        // 32 digits may be made of, but every candidate is a box the image's height holding up to five bars: cut out,
        // centred and read, they would cover the image's pixels over a hundred times.
        int side = 1024;
        float[] ink = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x += 8) {
                ink[y * side + x] = 1f;
                ink[y * side + x + 1] = 1f;
            }
        }
        InkImage bars = new InkImage(side, side, ink);
        TooManyDigits refused = assertThrows(TooManyDigits.class, () -> segmenter.propose(bars, 32));
        assertTrue(refused.getMessage().contains("limits.max-digits"), refused.getMessage());
    }

    @Test
    void aRowOfDigitsCoversItsImageFarLessOftenThanTheBound() throws RecognitionException {
        InkImage image = row(List.of(SyntheticDigits.draw("1", 100, 0.08),
                SyntheticDigits.draw("4-two-strokes", 100, 0.08), SyntheticDigits.draw("7", 100, 0.08),
                SyntheticDigits.draw("0", 100, 0.08)), 5);
        Candidates candidates = segmenter.propose(image, 32);
        long covered = candidates.candidates().stream().mapToLong(c -> Candidates.cutoutPixels(image, c)).sum();
        double share = (double) covered / ((long) image.width() * image.height());
        assertTrue(share < CandidateSegmenter.MAX_CUTOUT_SHARE / 4.0, "covered " + share + " times over");
    }

    private static boolean has(Candidates candidates, int from, int to) {
        return candidates.candidates().stream().anyMatch(c -> c.from() == from && c.to() == to);
    }

    private static InkImage row(List<InkImage> digits, int gap) {
        List<Placement> row = new ArrayList<>();
        int x = 15;
        for (InkImage d : digits) {
            row.add(CanvasRenderer.place(d, x, 20, 1));
            x += d.width() + gap;
        }
        return new InkImage(x + 15, 160, CanvasRenderer.white(x + 15, 160).inkField(row));
    }
}
