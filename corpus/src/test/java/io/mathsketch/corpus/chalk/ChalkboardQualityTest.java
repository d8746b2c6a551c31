package io.mathsketch.corpus.chalk;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.InkSource;
import io.mathsketch.engine.mnist.MnistSubset;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

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
     * Measured 29.33% (44/150) with mnist-cnn 1.1.0 and the engine as it was (docs/recognition-quality.md,
     * "Chalkboard photos"): every miss read as another digit, none blank. A blind spot's measurement, rounded down to
     * 5%: it is no target, it only catches the figure falling further.
     */
    static final double FLOOR = 0.25;

    @Test
    void chalkboardPhotosAreReadAsWellAsTheFloor() throws Exception {
        MnistSubset subset = MnistSubset.load();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime(), cpu = os.getProcessCpuTime();
        Score score;
        try (CommittedModel model = new CommittedModel()) {
            score = score(model, new Chalkboards(Chalkboards.TEST_SEED, sources(subset, TEST_FIRST, HAND_SEED,
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
        Chalkboards set = new Chalkboards(Chalkboards.TEST_SEED, InkSource.hand(hand(HAND_SEED), 3));
        Score score = score(set, photo -> "x");
        assertTrue(score.accuracy() < FLOOR, score.report());
    }

    /** The tuning twin shows none of the held-out set's digits: no MNIST digit and no drawing is in both. */
    @Test
    void theTuningTwinSharesNoDigitWithTheHeldOutSet() {
        MnistSubset subset = MnistSubset.load();
        List<InkSource> test = sources(subset, TEST_FIRST, HAND_SEED, PER_SOURCE);
        List<InkSource> tuning = sources(subset, TUNING_FIRST, TUNING_HAND_SEED, PER_SOURCE);
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

    /** The held-out hands in the styles MNIST has, re-seeded. */
    static HandConfig hand(long seed) {
        return HandConfig.HELD_OUT.withStyles(List.of(DigitStyle.values()).stream().filter(s -> !s.mnistLacks())
                .toList()).withSeed(seed);
    }

    /** {@code perSource} MNIST test digits {@code first}, {@code first + 13}, ... and as many drawings of a hand. */
    static List<InkSource> sources(MnistSubset subset, int first, long handSeed, int perSource) {
        int[] indices = IntStream.range(0, perSource).map(i -> first + 13 * i).toArray();
        List<InkSource> sources = new ArrayList<>(InkSource.mnist(subset.images(), subset.labels(), indices));
        sources.addAll(InkSource.hand(hand(handSeed), perSource));
        return sources;
    }

    /** What a set of photos reads: the share right, and a report per condition with every miss. */
    record Score(double accuracy, String report) {
    }

    static Score score(CommittedModel model, Chalkboards set) {
        return score(set, photo -> model.read(photo.bytes()));
    }

    /** What one photo read: the reading, and the photo without its bytes. */
    private record Reading(String read, Chalkboards.Photo photo) {
    }

    /** Scores {@code reader}'s readings of every photo; photos are made and read on every core. */
    static Score score(Chalkboards set, Function<Chalkboards.Photo, String> reader) {
        List<Reading> readings = IntStream.range(0, set.size()).parallel().mapToObj(i -> {
            Chalkboards.Photo photo = set.photo(i);
            return new Reading(reader.apply(photo), photo.withoutBytes());
        }).toList();
        Map<String, int[]> tally = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0, blank = 0;
        for (Reading reading : readings) {
            Chalkboards.Photo photo = reading.photo();
            boolean right = reading.read().equals(Integer.toString(photo.label()));
            boolean digit = reading.read().matches("[0-9]");
            correct += right ? 1 : 0;
            blank += digit ? 0 : 1;
            int share = 10 * (int) (10.0 * photo.digitPixels() / Math.min(photo.width(), photo.height()));
            String haze = photo.haze() == 0 ? "none" : photo.haze() < 0.05 ? "light" : "heavy";
            for (String condition : List.of(photo.pageSized() ? "read as a page" : "read as a photo",
                    "frame " + Math.max(photo.width(), photo.height()), "digit " + share + "% of the side",
                    "ground " + photo.surface(), "chalk " + photo.chalk(), "edge " + photo.edge(),
                    "reflection " + (photo.reflection() ? "yes" : "no"), "haze " + haze,
                    "source " + photo.source().split(" ")[0])) {
                int[] n = tally.computeIfAbsent(condition, c -> new int[2]);
                n[0] += right ? 1 : 0;
                n[1]++;
            }
            if (!right) {
                misses.add("read " + reading.read() + ": " + photo);
            }
        }
        double accuracy = (double) correct / set.size();
        StringBuilder report = new StringBuilder(String.format(
                "chalkboards: %.2f%% (%d/%d); misses answered blank or refused: %d, another digit: %d",
                100 * accuracy, correct, set.size(), blank, set.size() - correct - blank));
        tally.forEach((condition, n) -> report.append(String.format("%n  %-24s %3d/%d", condition, n[0], n[1])));
        report.append(String.format("%n  misses (%d):%n    ", misses.size())).append(String.join("\n    ", misses));
        return new Score(accuracy, report.toString());
    }
}
