package io.mathsketch.corpus.scan;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.photo.InkSource;
import io.mathsketch.engine.mnist.MnistSubset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

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
        Score score;
        try (CommittedModel model = new CommittedModel()) {
            score = score(model, set(Scans.TEST_SEED, subset, 7, HAND_SEED, PER_SOURCE));
        }
        System.out.println(score.report());
        assertTrue(score.accuracy() >= FLOOR, score.report());
    }

    /** A tally that counts misses: a reader answering the wrong digit for every scan scores 0. */
    @Test
    void aReaderThatMissesFallsBelowTheFloor() {
        Scans set = new Scans(Scans.TEST_SEED, InkSource.hand(hand(HAND_SEED), 3));
        Score score = score(set, scan -> "x");
        assertTrue(score.accuracy() < FLOOR, score.report());
    }

    /** The held-out hands in the styles MNIST has, re-seeded. */
    static HandConfig hand(long seed) {
        return HandConfig.HELD_OUT.withStyles(List.of(DigitStyle.values()).stream().filter(s -> !s.mnistLacks())
                .toList()).withSeed(seed);
    }

    /** {@code perSource} MNIST digits {@code first}, {@code first + 13}, ... and as many drawings of a hand. */
    static Scans set(long seed, MnistSubset subset, int first, long handSeed, int perSource) {
        int[] indices = IntStream.range(0, perSource).map(i -> first + 13 * i).toArray();
        List<InkSource> sources = new ArrayList<>(InkSource.mnist(subset.images(), subset.labels(), indices));
        sources.addAll(InkSource.hand(hand(handSeed), perSource));
        return new Scans(seed, sources);
    }

    /** What a set of scans reads: the share right, and a report per condition with every miss. */
    record Score(double accuracy, String report) {
    }

    static Score score(CommittedModel model, Scans set) {
        return score(set, scan -> model.read(scan.bytes()));
    }

    /** What one scan read: the reading, and the scan without its bytes. */
    private record Reading(String read, Scans.Scan scan) {
    }

    /** Scores {@code reader}'s readings of every scan; scans are made and read on every core. */
    static Score score(Scans set, Function<Scans.Scan, String> reader) {
        List<Reading> readings = IntStream.range(0, set.size()).parallel().mapToObj(i -> {
            Scans.Scan scan = set.scan(i);
            return new Reading(reader.apply(scan), scan.withoutBytes());
        }).toList();
        Map<String, int[]> tally = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        for (Reading reading : readings) {
            Scans.Scan scan = reading.scan();
            boolean right = reading.read().equals(Integer.toString(scan.label()));
            correct += right ? 1 : 0;
            for (String condition : List.of("dpi " + scan.dpi(), "bed " + scan.bed(), "page " + scan.layout(),
                    "pen " + scan.pen(), "file " + scan.format(), "source " + scan.source().split(" ")[0])) {
                int[] n = tally.computeIfAbsent(condition, c -> new int[2]);
                n[0] += right ? 1 : 0;
                n[1]++;
            }
            if (!right) {
                misses.add("read " + reading.read() + ": " + scan);
            }
        }
        double accuracy = (double) correct / set.size();
        StringBuilder report = new StringBuilder(String.format("scans: %.2f%% (%d/%d)", 100 * accuracy, correct,
                set.size()));
        tally.forEach((condition, n) -> report.append(String.format("%n  %-24s %3d/%d", condition, n[0], n[1])));
        report.append(String.format("%n  misses (%d):%n    ", misses.size())).append(String.join("\n    ", misses));
        return new Score(accuracy, report.toString());
    }
}
