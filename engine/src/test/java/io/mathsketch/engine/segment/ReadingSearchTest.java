package io.mathsketch.engine.segment;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.ReadingSearch.Weights;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.CanvasRenderer.Placement;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading search follows the model's confidence, and covers every atom once, left to right. */
class ReadingSearchTest {

    private static final List<InkImage> SOURCES = List.of(SyntheticDigits.draw("1", 100, 0.08),
            SyntheticDigits.draw("4-two-strokes", 100, 0.08), SyntheticDigits.draw("7", 100, 0.08));
    private static final int GAP = 30;

    private final ReadingSearch search = new ReadingSearch();

    @Test
    void theWholeBrokenDigitWinsWhenTheModelKnowsIt() throws RecognitionException {
        Candidates candidates = candidates();
        float[] confidence = confidence(candidates, c -> whole(c, 0) || whole(c, 1) || whole(c, 2));

        int[] reading = search.best(candidates, confidence);

        assertEquals(3, reading.length);
        for (int i = 0; i < 3; i++) {
            assertTrue(whole(candidates.candidates().get(reading[i]), i), "digit " + i);
        }
        coversEveryAtomOnce(candidates, reading);
    }

    @Test
    void piecesWinWhenTheModelDoesNotReadTheirUnion() throws RecognitionException {
        Candidates candidates = candidates();
        float[] confidence = confidence(candidates, c -> whole(c, 0) || whole(c, 2) || within(c, 1) && !whole(c, 1));

        int[] reading = search.best(candidates, confidence);

        assertTrue(reading.length >= 4, reading.length + " digits");
        for (int k : reading) {
            assertTrue(!whole(candidates.candidates().get(k), 1), "the 4 is read in pieces");
        }
        coversEveryAtomOnce(candidates, reading);
    }

    @Test
    void twoTallStrokesSideBySideAreTwoDigitsWhenTheModelIsAsSureOfTheirUnion() throws RecognitionException {
        // Two 1s three pixels apart: closer than the gap the prior charges for, together narrower than a wide digit.
        InkImage one = SyntheticDigits.draw("1", 100, 0.08);
        int first = one.width(), last = -1;
        for (int p = 0; p < one.ink().length; p++) {
            if (one.ink()[p] >= NumberSegmenter.STROKE_THRESHOLD) {
                first = Math.min(first, p % one.width());
                last = Math.max(last, p % one.width());
            }
        }
        int second = 15 + last + 1 + 3 - first, width = second + one.width() + 15;
        List<Placement> row = List.of(CanvasRenderer.place(one, 15, 20, 1), CanvasRenderer.place(one, second, 20, 1));
        Candidates candidates = new CandidateSegmenter().propose(new InkImage(width, 140,
                CanvasRenderer.white(width, 140).inkField(row)), 32);
        assertEquals(2, candidates.atoms(), "two separate strokes");
        float[] sure = new float[candidates.candidates().size()];
        Arrays.fill(sure, 0.99f);

        assertEquals(2, search.best(candidates, sure).length);
        // The second-stroke term parts them: without it their union wins by one factor of 0.99.
        assertEquals(1, new ReadingSearch(Weights.DEFAULT.with(7, 0)).best(candidates, sure).length);
    }

    @Test
    void theVerifierPartsAPairTheModelReadsAsOneDigit() throws RecognitionException {
        // The model is surer of the 4's pieces than of the whole 4; the verifier says the pieces are not whole digits.
        Candidates candidates = candidates();
        float[] confidence = confidence(candidates, c -> whole(c, 0) || whole(c, 2) || within(c, 1) && !whole(c, 1));
        for (int k = 0; k < confidence.length; k++) {
            confidence[k] = whole(candidates.candidates().get(k), 1) ? 0.5f : confidence[k];
        }
        float[] whole = new float[confidence.length];
        for (int k = 0; k < whole.length; k++) {
            Candidate c = candidates.candidates().get(k);
            whole[k] = whole(c, 0) || whole(c, 1) || whole(c, 2) ? 0.95f : 0.02f;
        }

        assertTrue(search.best(candidates, confidence).length >= 4, "without the verifier the pieces win");
        assertTrue(search.best(candidates, confidence, null).length >= 4, "null: no verifier");
        int[] reading = search.best(candidates, confidence, whole);

        assertEquals(3, reading.length);
        for (int i = 0; i < 3; i++) {
            assertTrue(whole(candidates.candidates().get(reading[i]), i), "digit " + i);
        }
        coversEveryAtomOnce(candidates, reading);
    }

    @Test
    void aCandidateTheModelsReadAsOneDigitIsReadAsAPairWhenThePairReaderIsSurerOfIt() throws RecognitionException {
        // The 4's two strokes read as one digit at 0.5 and as pieces at 0.3 each; the pair reader reads them as a pair.
        Candidates candidates = candidates();
        float[] confidence = confidence(candidates, c -> whole(c, 0) || whole(c, 1) || whole(c, 2));
        float[] pair = new float[confidence.length];
        for (int k = 0; k < confidence.length; k++) {
            Candidate c = candidates.candidates().get(k);
            confidence[k] = whole(c, 1) ? 0.5f : within(c, 1) ? 0.3f : confidence[k];
            pair[k] = whole(c, 1) ? 0.99f : 0.01f;
        }

        ReadingSearch free = new ReadingSearch(Weights.DEFAULT.with(9, 1).with(10, 0));
        List<ReadingSearch.Choice> without = free.choose(candidates, confidence, null, null);
        List<ReadingSearch.Choice> with = free.choose(candidates, confidence, null, pair);

        assertTrue(without.stream().noneMatch(ReadingSearch.Choice::pair), "no pair reader, no pairs");
        assertEquals(3, with.size());
        assertTrue(with.get(1).pair(), "the middle candidate is read as a pair");
        assertTrue(whole(candidates.candidates().get(with.get(1).candidate()), 1));
        assertTrue(!with.get(0).pair() && !with.get(2).pair(), "the sure single digits stay single");
        ReadingSearch costly = new ReadingSearch(Weights.DEFAULT.with(9, 1).with(10, 5));
        assertEquals(3, costly.choose(candidates, confidence, null, pair).stream().filter(c -> !c.pair()).count(),
                "a pair's cost can outweigh it");
        coversEveryAtomOnce(candidates, with.stream().mapToInt(ReadingSearch.Choice::candidate).toArray());
    }

    @Test
    void aPairWiderPerDigitThanTheLinesPitchCostsItsExcessAndTheLinesPitchIsItsMedianDigit()
            throws RecognitionException {
        // Default weights: beyond 1 pitch per digit, 16 per pitch.
        assertEquals(0, search.pitchPrior(1.0, 0.5), 1e-9, "two digits of the line's pitch cost nothing");
        assertEquals(-8, search.pitchPrior(1.5, 0.5), 1e-9, "0.75 per digit is half a pitch beyond");
        assertEquals(0, search.pitchPrior(3, 0), 1e-9, "no pitch, no prior");

        Candidates candidates = candidates();
        float[] confidence = confidence(candidates, c -> whole(c, 0) || whole(c, 1) || whole(c, 2));
        ReadingSearch.Reading reading = search.readings(candidates, confidence, null, null, 1).getFirst();
        double[] widths = reading.choices().stream().mapToDouble(c -> candidates.candidates().get(c.candidate())
                .width()).sorted().toArray();
        assertEquals(3, widths.length);
        assertEquals(widths[1], ReadingSearch.pitch(candidates, reading), 1e-9, "the median of the 1, 4 and 7");
    }

    @Test
    void theBestReadingsComeBestFirstEachCoveringEveryAtomTheFirstBeingTheChosenOne() throws RecognitionException {
        Candidates candidates = candidates();
        float[] confidence = confidence(candidates, c -> whole(c, 0) || whole(c, 1) || whole(c, 2));

        List<ReadingSearch.Reading> readings = search.readings(candidates, confidence, null, null, 6);

        assertEquals(6, readings.size());
        assertEquals(search.choose(candidates, confidence, null, null), readings.getFirst().choices());
        for (int r = 0; r < readings.size(); r++) {
            if (r > 0) {
                assertTrue(readings.get(r).score() <= readings.get(r - 1).score(), "reading " + r + " best first");
                assertTrue(!readings.get(r).choices().equals(readings.get(r - 1).choices()), "distinct paths");
            }
            coversEveryAtomOnce(candidates, readings.get(r).choices().stream()
                    .mapToInt(ReadingSearch.Choice::candidate).toArray());
        }
    }

    private static void coversEveryAtomOnce(Candidates candidates, int[] reading) {
        int at = 0;
        for (int k : reading) {
            assertEquals(at, candidates.candidates().get(k).from());
            at = candidates.candidates().get(k).to();
        }
        assertEquals(candidates.atoms(), at);
    }

    private static int left(int digit) {
        int x = 15;
        for (int i = 0; i < digit; i++) {
            x += SOURCES.get(i).width() + GAP;
        }
        return x;
    }

    /** The candidate holds all of digit {@code i} and nothing else. */
    private static boolean whole(Candidate c, int i) {
        int[] ink = inkColumns(i);
        return within(c, i) && c.x0() <= ink[0] + 3 && c.x1() >= ink[1] - 3;
    }

    private static boolean within(Candidate c, int i) {
        int[] ink = inkColumns(i);
        return c.x0() >= ink[0] - 3 && c.x1() <= ink[1] + 3;
    }

    /** First and past-last column of digit {@code i}'s strokes on the canvas. */
    static int[] inkColumns(int i) {
        InkImage d = SOURCES.get(i);
        int first = d.width(), last = -1;
        for (int p = 0; p < d.ink().length; p++) {
            if (d.ink()[p] >= NumberSegmenter.STROKE_THRESHOLD) {
                first = Math.min(first, p % d.width());
                last = Math.max(last, p % d.width());
            }
        }
        return new int[] {left(i) + first, left(i) + last + 1};
    }

    private static float[] confidence(Candidates candidates, Predicate<Candidate> sure) {
        float[] confidence = new float[candidates.candidates().size()];
        for (int k = 0; k < confidence.length; k++) {
            confidence[k] = sure.test(candidates.candidates().get(k)) ? 0.99f : 0.05f;
        }
        return confidence;
    }

    private static Candidates candidates() throws RecognitionException {
        List<Placement> row = new ArrayList<>();
        for (int i = 0; i < SOURCES.size(); i++) {
            row.add(CanvasRenderer.place(SOURCES.get(i), left(i), 20, 1));
        }
        int width = left(SOURCES.size()) + 15;
        return new CandidateSegmenter().propose(new InkImage(width, 160, CanvasRenderer.white(width, 160)
                .inkField(row)), 32);
    }
}
