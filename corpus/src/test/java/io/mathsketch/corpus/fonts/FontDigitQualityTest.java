package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.snapshot.Snapshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition-quality floors on digits in other people's handwriting (README, "Recognition quality"): the digits of
 * Debian's handwriting fonts and of printed fonts ({@link DigitFont}), set by {@link FontDigits} at
 * {@link FontDigitConfig#TEST}, read by the committed model as the server reads a posted image, as the page's canvas
 * export (PNG) and as a phone photo of it (JPEG). No font is used in training and nothing is tuned on this set: it
 * measures the model on shapes it was not designed for, and its floors are what was measured.
 *
 * <p>When a font is missing the test fails naming the apt packages if {@code MATHSKETCH_REQUIRE_FONTS=1} (as
 * {@code .ci/run} sets after installing them), and is otherwise skipped with a warning in the build output.
 */
class FontDigitQualityTest {

    /**
     * Measured 99.47% (756/760) with mnist-cnn 1.1.0: the floor lets one more drawing be lost, not two, so mnist-cnn
     * 1.0.0 (99.08%, 753/760: Because We Connect's 1 read 9 too) fails it. The misses are Delphine's 9 (its tail
     * curled like a g's, read 3) and its continental 1 (read 7).
     */
    static final double CANVAS_FLOOR = 0.993;
    /** Measured 99.47% (756/760; mnist-cnn 1.0.0: 99.08%): as the canvas, and one 9 of Because We Learn read 1. */
    static final double PHOTO_FLOOR = 0.993;
    /**
     * Measured 99.08% (753/760) with mnist-cnn 1.1.0: the same exports photographed by the second camera
     * ({@code corpus.snapshot}: notebook paper, a camera model the photo path was not tuned on); the floor lets one
     * more drawing be lost. The misses are Delphine's four 9s (read 3) and two continental 1s (read 7), and a 2 of
     * Because We Build read 1.
     */
    static final double SNAPSHOT_FLOOR = 0.989;

    @BeforeAll
    static void fontsInstalled() {
        InstalledFonts.require("Font digit test");
    }

    @Test
    void fontDigitsAreReadAsWellAsTheFloors() throws Exception {
        FontDigits set = new FontDigits(FontDigitConfig.TEST);
        Tally canvas = new Tally("canvas"), photo = new Tally("photo"), snapshot = new Tally("snapshot");
        List<FontDigit> drawn = new ArrayList<>();
        for (DigitFont font : DigitFont.values()) {
            for (int digit = 0; digit < 10; digit++) {
                for (int i = 0; i < set.config().perDigit(); i++) {
                    drawn.add(set.digit(font, digit, i));
                }
            }
        }
        Snapshots snapshots = set.snapshots(drawn);
        try (CommittedModel model = new CommittedModel()) {
            // Each drawing's readings are independent and taking its photos is most of the test's time: on every core.
            List<Readings> readings = IntStream.range(0, drawn.size()).parallel().mapToObj(i -> {
                FontDigit d = drawn.get(i);
                var shot = set.photo(d);
                Snapshots.Snapshot snap = snapshots.snapshot(i);
                return new Readings(model.read(d.png()), model.read(shot.jpeg()), " " + shot.conditions(),
                        model.read(snap.jpeg()), String.format(" (%dx%d, digit %d px, %s, %s%s)", snap.width(),
                                snap.height(), snap.digitPixels(), snap.paper(), snap.pen(),
                                snap.resent() ? ", resent" : ""));
            }).toList();
            for (int i = 0; i < drawn.size(); i++) {
                Readings r = readings.get(i);
                canvas.count(drawn.get(i), r.canvas(), "");
                photo.count(drawn.get(i), r.photo(), r.photoConditions());
                snapshot.count(drawn.get(i), r.snapshot(), r.snapshotConditions());
            }
        }
        String report = canvas.report() + photo.report() + snapshot.report();
        System.out.println(report);
        assertTrue(canvas.accuracy() >= CANVAS_FLOOR, report);
        assertTrue(photo.accuracy() >= PHOTO_FLOOR, report);
        assertTrue(snapshot.accuracy() >= SNAPSHOT_FLOOR, report);
    }

    /** What one drawing reads as the canvas's PNG, as a photo and as a snapshot, with the shots' conditions. */
    private record Readings(String canvas, String photo, String photoConditions, String snapshot,
                            String snapshotConditions) {
    }

    /** The tally counts misses: a reader that answers the wrong digit every time falls below both floors. */
    @Test
    void aReaderThatMissesFallsBelowTheFloors() {
        FontDigits set = new FontDigits(FontDigitConfig.TEST);
        Function<FontDigit, String> wrong = d -> Integer.toString((d.label() + 1) % 10);
        Tally tally = new Tally("canvas");
        for (int digit = 0; digit < 10; digit++) {
            FontDigit d = set.digit(DigitFont.BREIP, digit, 0);
            tally.count(d, digit == 3 ? "3" : wrong.apply(d), "");
        }
        assertTrue(tally.accuracy() < Math.min(Math.min(CANVAS_FLOOR, PHOTO_FLOOR), SNAPSHOT_FLOOR), tally.report());
        assertFalse(tally.report().isEmpty());
    }

    /** Readings of one input class: right per font and per digit, and every miss. */
    static final class Tally {

        private final String name;
        private final Map<DigitFont, int[]> perFont = new EnumMap<>(DigitFont.class);
        private final int[][] perDigit = new int[2][10];
        private final List<String> misses = new ArrayList<>();
        private int right, all;

        Tally(String name) {
            this.name = name;
        }

        void count(FontDigit digit, String read, String detail) {
            int[] font = perFont.computeIfAbsent(digit.font(), f -> new int[2]);
            boolean hit = read.equals(Integer.toString(digit.label()));
            int h = hit ? 1 : 0;
            font[0] += h;
            font[1]++;
            perDigit[0][digit.label()] += h;
            perDigit[1][digit.label()]++;
            right += h;
            all++;
            if (!hit) {
                misses.add("read " + read + ": " + digit + detail);
            }
        }

        double accuracy() {
            return (double) right / all;
        }

        String report() {
            StringBuilder text = new StringBuilder(String.format("%s: %.2f%% (%d/%d)%n  per font:", name,
                    100 * accuracy(), right, all));
            perFont.forEach((f, n) -> text.append(String.format("%n    %-20s %3d/%d", f.family(), n[0], n[1])));
            text.append("\n  per digit:");
            for (int d = 0; d < 10; d++) {
                text.append(' ').append(d).append(' ').append(perDigit[0][d]).append('/').append(perDigit[1][d]);
            }
            text.append(String.format("%n  misses (%d):%n    ", misses.size())).append(String.join("\n    ", misses))
                    .append('\n');
            return text.toString();
        }
    }
}
