package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.image.Stroke;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks a drawn digit the way a lifted pen does: one stroke (the longer ones more often) loses a piece of its
 * length somewhere in its middle, leaving a visible gap of 4-12% of the em between two strokes.
 */
final class StrokeBreak {

    /** The em of the box digits are drawn into before {@link NumberWriter} scales them. */
    private static final double EM = 100;

    private StrokeBreak() {
    }

    static List<Stroke> cut(List<Stroke> strokes, double pen, SplittableRandom random) {
        double[] lengths = new double[strokes.size()];
        double total = 0;
        for (int s = 0; s < strokes.size(); s++) {
            lengths[s] = length(strokes.get(s));
            total += lengths[s];
        }
        double pick = random.nextDouble() * total;
        int chosen = 0;
        while (chosen < lengths.length - 1 && pick > lengths[chosen]) {
            pick -= lengths[chosen++];
        }
        Stroke stroke = strokes.get(chosen);
        double gap = pen + EM * (0.04 + 0.08 * random.nextDouble());
        double length = lengths[chosen];
        if (length < gap + 2 * pen) {
            return strokes;
        }
        double centre = gap / 2 + pen + random.nextDouble() * (length - gap - 2 * pen);
        List<Stroke> out = new ArrayList<>(strokes.size() + 1);
        for (int s = 0; s < strokes.size(); s++) {
            if (s == chosen) {
                out.add(part(stroke, 0, centre - gap / 2));
                out.add(part(stroke, centre + gap / 2, length));
            } else {
                out.add(strokes.get(s));
            }
        }
        return out;
    }

    private static double length(Stroke s) {
        double length = 0;
        for (int k = 1; k < s.size(); k++) {
            length += Math.hypot(s.x()[k] - s.x()[k - 1], s.y()[k] - s.y()[k - 1]);
        }
        return length;
    }

    /** The stretch of {@code s} between two arc lengths, its ends interpolated. */
    private static Stroke part(Stroke s, double from, double to) {
        List<double[]> points = new ArrayList<>();
        double travelled = 0;
        for (int k = 0; k < s.size(); k++) {
            double step = k == 0 ? 0 : Math.hypot(s.x()[k] - s.x()[k - 1], s.y()[k] - s.y()[k - 1]);
            double before = travelled;
            travelled += step;
            if (k > 0 && before < from && travelled >= from) {
                points.add(at(s, k, (from - before) / step));
            }
            if (travelled >= from && travelled <= to) {
                points.add(new double[] {s.x()[k], s.y()[k], s.time()[k]});
            }
            if (k > 0 && before < to && travelled > to) {
                points.add(at(s, k, (to - before) / step));
            }
        }
        double[] x = new double[points.size()], y = new double[points.size()], t = new double[points.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = points.get(k)[0];
            y[k] = points.get(k)[1];
            t[k] = points.get(k)[2];
        }
        return new Stroke(x, y, t, new double[0]);
    }

    private static double[] at(Stroke s, int k, double f) {
        return new double[] {s.x()[k - 1] + f * (s.x()[k] - s.x()[k - 1]), s.y()[k - 1] + f * (s.y()[k] - s.y()[k - 1]),
            s.time()[k - 1] + f * (s.time()[k] - s.time()[k - 1])};
    }
}
