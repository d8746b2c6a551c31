package io.mathsketch.engine.image;

import java.util.List;

/**
 * Digital ink: what a pen, finger or mouse drew, as strokes on a writing surface {@code width} x {@code height}
 * units large, drawn with a pen {@code penWidth} units wide. Units are whatever the client draws in (the drawing
 * page uses CSS pixels of a 280 x 280 canvas); only proportions matter to recognition.
 *
 * <p>The JSON wire form, shared by the API, storage and the test fixtures:
 * {@code {"strokes": [{"points": [[x, y, t?, pressure?], ...]}, ...], "width": W, "height": H, "penWidth": P}},
 * with {@code t} in milliseconds.
 *
 * @param strokes in the order they were drawn
 */
public record Ink(List<Stroke> strokes, double width, double height, double penWidth) {

    /**
     * The least width, height and pen width a client's ink may declare. Units are the client's, but the drawing
     * scales them to pixels, and a surface or pen of a few units in the last places of a double would scale by more
     * than a double holds (a pen of 1e-39 gave the model NaN); a millionth of a unit is finer than any pen or screen.
     */
    public static final double MIN_SIZE = 1e-6;

    public Ink {
        strokes = List.copyOf(strokes);
    }

    /** Points over all strokes. */
    public int pointCount() {
        int n = 0;
        for (Stroke s : strokes) {
            n += s.size();
        }
        return n;
    }

    /** {minX, minY, maxX, maxY} over every point, or null when there is none. */
    public double[] bounds() {
        return Stroke.bounds(strokes);
    }
}
