package io.mathsketch.engine.number;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.segment.Cutout;

import java.util.ArrayList;
import java.util.List;

/**
 * Number mode's pair reader, as serving and training share it: which candidates it reads (those at least
 * {@link #MIN_WIDTH} line heights wide), its labels ({@link #LABELS}: {@code "00"} to {@code "99"}, then {@value #NONE}: not two
 * whole digits), and how a candidate read as a pair is parted into two digits for the answer. The reader sees two
 * touching digits whole, where no upright cut parts them (a 7's bar over the next digit, slanted strokes merged
 * along their length); the part line only places the two boxes and centred images the answer shows.
 */
public final class DigitPairs {

    /**
     * Narrowest candidate (line heights) the pair reader reads: two digits side by side, a pair of 1s the narrowest,
     * are wider than this; narrower candidates are one digit or less.
     */
    public static final double MIN_WIDTH = 0.4;
    /** The label of a candidate that is not two whole digits. */
    public static final String NONE = "none";
    /** Pair labels: the first digit's times ten plus the second's. */
    public static final int PAIRS = 100;

    private final MnistCentering centering = new MnistCentering();

    private static List<String> labels() {
        List<String> labels = new ArrayList<>(PAIRS + 1);
        for (int p = 0; p < PAIRS; p++) {
            labels.add(String.valueOf(p / 10) + p % 10);
        }
        labels.add(NONE);
        return List.copyOf(labels);
    }

    /** The labels in order: {@code "00"} to {@code "99"} and {@value #NONE}. */
    public static final List<String> LABELS = labels();

    /** The best pair of one row of the reader's probabilities: its index (first digit x 10 + second). */
    public static int bestPair(float[] probabilities) {
        int best = 0;
        for (int p = 1; p < PAIRS; p++) {
            if (probabilities[p] > probabilities[best]) {
                best = p;
            }
        }
        return best;
    }

    /**
     * The two digits' probabilities as answered for a candidate read as {@code pair}: the first digit's given the
     * second is the pair's, and the second's given the first is (each normalised to sum to 1), so that the answered
     * digits are the pair's.
     */
    public static float[][] digitProbabilities(float[] probabilities, int pair) {
        float[] first = new float[10], second = new float[10];
        double sumFirst = 0, sumSecond = 0;
        for (int d = 0; d < 10; d++) {
            first[d] = probabilities[d * 10 + pair % 10];
            second[d] = probabilities[pair / 10 * 10 + d];
            sumFirst += first[d];
            sumSecond += second[d];
        }
        for (int d = 0; d < 10; d++) {
            first[d] = (float) (first[d] / sumFirst);
            second[d] = (float) (second[d] / sumSecond);
        }
        return new float[][] {first, second};
    }

    /**
     * The candidate's two digits, left then right: its ink parted at the column of least ink in the middle
     * two-fifths of its ink box, each side centred the MNIST way, boxes in the coordinates of {@code cutout.box()}.
     */
    public List<DigitRegion> part(Cutout cutout) {
        InkImage ink = cutout.ink();
        int w = ink.width(), h = ink.height();
        float[] v = ink.ink();
        int x0 = w, x1 = -1, y0 = h, y1 = -1;
        float[] columns = new float[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (v[y * w + x] >= MnistCentering.INK_THRESHOLD) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x + 1);
                    y0 = Math.min(y0, y);
                    y1 = y + 1;
                    columns[x] += v[y * w + x];
                }
            }
        }
        if (x1 - x0 < 2) {
            throw new IllegalArgumentException("a pair candidate is at least two pixels wide");
        }
        int from = x0 + Math.max(1, (int) Math.round(0.3 * (x1 - x0)));
        int to = x0 + Math.min(x1 - x0 - 1, (int) Math.round(0.7 * (x1 - x0)));
        int middle = (x0 + x1) / 2, split = Math.clamp(middle, from, to);
        for (int x = from; x <= to; x++) {
            if (columns[x] < columns[split]
                    || columns[x] == columns[split] && Math.abs(x - middle) < Math.abs(split - middle)) {
                split = x;
            }
        }
        Box box = cutout.box();
        double sx = (double) box.width() / (x1 - x0), sy = (double) box.height() / (y1 - y0);
        List<DigitRegion> parts = new ArrayList<>(2);
        for (int[] span : new int[][] {{x0, split}, {split, x1}}) {
            int[] b = bounds(ink, span[0], span[1], y0, y1);
            DigitImage digit = centering.centerRegion(ink, b[0], b[1], b[2] - b[0], b[3] - b[1]);
            int bx = box.x() + (int) Math.round((b[0] - x0) * sx), by = box.y() + (int) Math.round((b[1] - y0) * sy);
            int bw = Math.max(1, (int) Math.round((b[2] - b[0]) * sx));
            int bh = Math.max(1, (int) Math.round((b[3] - b[1]) * sy));
            parts.add(new DigitRegion(new Box(bx, by, bw, bh), digit));
        }
        return List.copyOf(parts);
    }

    /** The ink box {x0, y0, x1, y1} of columns {@code from..to-1}, or those columns whole when they hold no ink. */
    private static int[] bounds(InkImage ink, int from, int to, int top, int bottom) {
        int w = ink.width();
        float[] v = ink.ink();
        int x0 = to, x1 = -1, y0 = bottom, y1 = -1;
        for (int y = top; y < bottom; y++) {
            for (int x = from; x < to; x++) {
                if (v[y * w + x] >= MnistCentering.INK_THRESHOLD) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x + 1);
                    y0 = Math.min(y0, y);
                    y1 = y + 1;
                }
            }
        }
        return x1 < 0 ? new int[] {from, top, to, bottom} : new int[] {x0, y0, x1, y1};
    }
}
