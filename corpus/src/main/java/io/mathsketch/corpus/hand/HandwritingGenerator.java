package io.mathsketch.corpus.hand;

import io.mathsketch.corpus.render.PageSurface;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.Stroke;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws digits as pen strokes in a varied hand: the {@link Glyph} of a {@link DigitStyle} with proportions, slant,
 * stretch, rotation, slow distortion, tremor, stroke order and direction, pen width and pointer sampling drawn from a
 * {@link HandConfig}. Deterministic: the same configuration, style and index always give the same drawing, on any
 * thread.
 *
 * <pre>{@code
 * HandwritingGenerator hand = new HandwritingGenerator(HandConfig.TRAINING);
 * Ink ink = hand.draw(DigitStyle.SEVEN_CROSSED, 17).pageInk();      // as the drawing page would send it
 * HandwrittenDigit d = hand.draw(DigitStyle.ONE_CONTINENTAL, 3, new Box(40, 20, 60, 100)); // into a box
 * }</pre>
 */
public final class HandwritingGenerator {

    /** The side of the drawing page's square digit surface: the unit of the ink it sends. */
    public static final double PAGE_CANVAS = PageSurface.DIGIT_WIDTH;
    /** Pen-up time between two strokes of a digit, in milliseconds. */
    private static final double MIN_PEN_UP = 80, MAX_PEN_UP = 350;
    /** Redraws of an illegible drawing before the configuration is declared unable to draw the style. */
    private static final int MAX_REDRAWS = 50;

    private final HandConfig config;

    public HandwritingGenerator(HandConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public HandConfig config() {
        return config;
    }

    /**
     * Drawing {@code index} of the configuration's set: the styles take turns ({@code index} modulo their count),
     * each drawn on the page canvas.
     */
    public HandwrittenDigit sample(long index) {
        List<DigitStyle> styles = config.styles();
        int n = styles.size();
        return draw(styles.get((int) Math.floorMod(index, n)), Math.floorDiv(index, n));
    }

    /** Drawing {@code index} of a style, at a size and place on the page canvas chosen by the hand. */
    public HandwrittenDigit draw(DigitStyle style, long index) {
        SplittableRandom random = random(streamName(style, index), index);
        Hand hand = new Hand(config, random.split());
        double size = hand.height * PAGE_CANVAS;
        List<double[][]> strokes = write(style.glyph(), random, hand, size);
        // Half the pen, and half a unit for pointer coordinates rounded to whole units.
        double[] bounds = bounds(strokes, hand.penWidth / 2 + 0.5);
        double spanX = bounds[2] - bounds[0], spanY = bounds[3] - bounds[1];
        double fit = Math.min(1, PAGE_CANVAS / Math.max(spanX, spanY));
        double dx = random.nextDouble() * Math.max(0, PAGE_CANVAS - spanX * fit) - bounds[0] * fit;
        double dy = random.nextDouble() * Math.max(0, PAGE_CANVAS - spanY * fit) - bounds[1] * fit;
        return new HandwrittenDigit(style, finish(strokes, hand, fit, dx, dy, random), hand.penWidth * fit);
    }

    /**
     * Drawing {@code index} of a style written into {@code box} (canvas units): the digit's em square is the box's
     * height, centred in the box; the pen keeps the width the hand would use for a digit that size.
     */
    public HandwrittenDigit draw(DigitStyle style, long index, Box box) {
        String name = streamName(style, index);
        return new HandwrittenDigit(style, drawGlyph(style.glyph(), name, index, box), penWidth(name, index, box));
    }

    /**
     * Drawing {@code index} of any glyph (an operator, a parenthesis) written into {@code box} as {@link #draw(
     * DigitStyle, long, Box)} writes a digit: the box's height is the em square of the digits around it, so a glyph
     * keeps its size and place relative to them. {@code name} keys the glyph's own random stream.
     */
    public List<Stroke> drawGlyph(Glyph glyph, String name, long index, Box box) {
        SplittableRandom random = random(name, index);
        Hand hand = new Hand(config, random.split());
        double size = box.height();
        List<double[][]> strokes = write(glyph, random, hand, size);
        return finish(strokes, hand, 1, box.x() + box.width() / 2.0, box.y() + box.height() / 2.0, random);
    }

    /** The pen width {@link #drawGlyph} uses for drawing {@code index} of {@code name} in {@code box}. */
    public double penWidth(String name, long index, Box box) {
        Hand hand = new Hand(config, random(name, index).split());
        return hand.penWidth * box.height() / (hand.height * PAGE_CANVAS);
    }

    /**
     * The name that keys the random stream of drawing {@code index} of {@code style}: the style's name, unless the
     * hand and proportions drawn from it make the drawing illegible as its digit ({@link Legibility}: a continental 1
     * with an up-stroke as flat as a 7's bar), in which case the first legible redraw's. Legibility does not depend
     * on the drawing's size or place, so every way of drawing a style's {@code index} agrees on it.
     */
    private String streamName(DigitStyle style, long index) {
        if (style.legibility() == Legibility.ANY) {
            return style.name();
        }
        for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
            String name = attempt == 0 ? style.name() : style.name() + " redrawn " + attempt;
            // The same draws, in the same order, as draw(...) and write(...) make from this stream.
            SplittableRandom random = random(name, index);
            Hand hand = new Hand(config, random.split());
            List<GlyphPath> paths = style.glyph().strokes(new Proportions(random.split(), config.shapeSpread()));
            if (style.legibility().test(paths.stream().map(path -> place(path, hand, 1)).toList())) {
                return name;
            }
        }
        throw new IllegalStateException(config.name() + " draws no legible " + style.description() + " for #"
                + index + " in " + MAX_REDRAWS + " attempts: its ranges contradict the style");
    }

    private SplittableRandom random(String name, long index) {
        long mixed = config.seed() * 0x9E3779B97F4A7C15L + name.hashCode() * 0xBF58476D1CE4E5B9L + index;
        return new SplittableRandom(mixed);
    }

    /** The glyph's strokes in the hand, as canvas-unit points relative to the em box's centre. */
    private List<double[][]> write(Glyph glyph, SplittableRandom random, Hand hand, double size) {
        List<GlyphPath> paths = new ArrayList<>(glyph.strokes(new Proportions(random.split(),
                config.shapeSpread())));
        if (paths.size() > 1 && random.nextDouble() < config.reorderChance()) {
            Collections.rotate(paths, 1);
        }
        List<double[][]> strokes = new ArrayList<>(paths.size());
        for (GlyphPath path : paths) {
            double[][] points = shake(place(path, hand, size), hand, size);
            strokes.add(random.nextDouble() < config.reverseChance() ? reversed(points) : points);
        }
        return strokes;
    }

    private static double[][] place(GlyphPath path, Hand hand, double size) {
        double[] xs = path.xs(), ys = path.ys();
        double[][] out = new double[2][xs.length];
        for (int i = 0; i < xs.length; i++) {
            double[] p = hand.place(xs[i], ys[i], size);
            out[0][i] = p[0];
            out[1][i] = p[1];
        }
        return out;
    }

    /** Offsets every point across the stroke by the hand's tremor. */
    private static double[][] shake(double[][] points, Hand hand, double size) {
        double[] x = points[0], y = points[1];
        int n = x.length;
        double[] arc = new double[n];
        for (int i = 1; i < n; i++) {
            arc[i] = arc[i - 1] + Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
        }
        double[] offset = hand.tremor(arc, size);
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1), b = Math.min(n - 1, i + 1);
            double tx = x[b] - x[a], ty = y[b] - y[a], length = Math.hypot(tx, ty);
            double nx = length == 0 ? 0 : -ty / length, ny = length == 0 ? 0 : tx / length;
            out[0][i] = x[i] + nx * offset[i];
            out[1][i] = y[i] + ny * offset[i];
        }
        return out;
    }

    private static double[][] reversed(double[][] points) {
        int n = points[0].length;
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = points[0][n - 1 - i];
            out[1][i] = points[1][n - 1 - i];
        }
        return out;
    }

    /** {minX, minY, maxX, maxY} of all points, grown by {@code margin}. */
    private static double[] bounds(List<double[][]> strokes, double margin) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[][] s : strokes) {
            for (int i = 0; i < s[0].length; i++) {
                b[0] = Math.min(b[0], s[0][i]);
                b[1] = Math.min(b[1], s[1][i]);
                b[2] = Math.max(b[2], s[0][i]);
                b[3] = Math.max(b[3], s[1][i]);
            }
        }
        return new double[] {b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin};
    }

    /**
     * Scales and moves the strokes into place and samples them as a pointer would report them: points about the
     * hand's point spacing apart, with times from the hand's speed and pen-up pauses between strokes.
     */
    private static List<Stroke> finish(List<double[][]> strokes, Hand hand, double scale, double dx, double dy,
                                       SplittableRandom random) {
        List<Stroke> out = new ArrayList<>(strokes.size());
        double time = 0;
        for (double[][] s : strokes) {
            if (!out.isEmpty()) {
                time += MIN_PEN_UP + random.nextDouble() * (MAX_PEN_UP - MIN_PEN_UP);
            }
            double[] x = s[0], y = s[1];
            List<double[]> sampled = new ArrayList<>();
            double travelled = 0, next = 0;
            for (int i = 0; i < x.length; i++) {
                if (i > 0) {
                    travelled += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]) * scale;
                }
                if (i == 0 || i == x.length - 1 || travelled >= next) {
                    double px = x[i] * scale + dx, py = y[i] * scale + dy;
                    if (hand.wholeUnits) {
                        px = Math.round(px);
                        py = Math.round(py);
                    }
                    sampled.add(new double[] {px, py, time + travelled / hand.speed});
                    next = travelled + hand.pointSpacing * (0.75 + 0.5 * random.nextDouble());
                }
            }
            time += travelled / hand.speed;
            double[] sx = new double[sampled.size()], sy = new double[sampled.size()], st = new double[sampled.size()];
            for (int i = 0; i < sx.length; i++) {
                sx[i] = sampled.get(i)[0];
                sy[i] = sampled.get(i)[1];
                st[i] = sampled.get(i)[2];
            }
            out.add(new Stroke(sx, sy, st, new double[0]));
        }
        return out;
    }
}
