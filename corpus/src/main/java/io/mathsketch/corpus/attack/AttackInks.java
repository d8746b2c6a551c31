package io.mathsketch.corpus.attack;

import io.mathsketch.engine.config.InputLimits;

import java.util.Collections;
import java.util.Random;

/**
 * The attack corpus's digital inks: valid ink, within every point, stroke and coordinate limit, whose drawing costs
 * what its segments times their length times the pen cost, and pens at the fine edge of what is accepted. Written as
 * the ink object's JSON text, deterministic.
 */
public final class AttackInks {

    /** Expression mode's largest surface side, the surface of the huge-pen ink. */
    static final int SURFACE = 1120;

    private AttackInks() {
    }

    /**
     * A few random points under a pen as wide as the surface (the widest pen accepted): a kilobyte that once cost
     * 17 CPU-seconds in expression mode, and each picture of it, stored, 3.6 s.
     */
    public static String hugePen() {
        String side = Integer.toString(SURFACE);
        return ink(random(1, 80, SURFACE, SURFACE, 1), side, side, side);
    }

    /**
     * Twelve strokes corner to corner under a pen as wide as the page's widest surface (840 units, drawn a pixel a
     * unit): within {@code limits.max-ink-work} wherever it is drawn (7.7 million units on the stored picture), so
     * read in every mode, and its stored picture drawn: 112-120 ms of the server's CPU for each {@code GET} of it, the
     * recognition's JSON 10 ms.
     */
    public static String costlyPicture() {
        String strokes = String.join(",", Collections.nCopies(6,
                "{\"points\":[[0,0],[840,840]]},{\"points\":[[840,0],[0,840]]}"));
        return ink("[" + strokes + "]", "840", "840", "840");
    }

    /** A pen wider than the surface: refused whatever it draws. */
    public static String penWiderThanSurface() {
        return ink(random(1, 3, 280, 280, 2), "280", "280", "281");
    }

    /**
     * A pen far finer than a double can scale to pixels ({@code 1e-39}, under the least size an ink may declare):
     * once NaN in the model's input and a 500.
     */
    public static String vanishingPen() {
        return ink("[{\"points\":[[0,0],[10,10]]}]", "280", "280", "1e-39");
    }

    /**
     * The finest pen accepted on a surface as large as accepted: it leaves less than a grey level of ink in any
     * pixel, so there is nothing to read.
     */
    public static String faintestPen(InputLimits limits) {
        String side = Integer.toString(limits.maxInkCoordinate());
        return ink(random(1, 20, 1000, 1000, 4), side, side, "0.000001");
    }

    /**
     * A normal pen drawing long random segments on the page's number surface: as many strokes of up to 1,000
     * random points as fit {@code limits} (payload, strokes and points per stroke).
     */
    public static String longRandomSegments(InputLimits limits) {
        int points = Math.min(1000, limits.maxInkStrokePoints());
        int strokeBytes = points * 10 + 16;
        long room = Math.min(limits.maxPayloadBytes(), 64 << 20) - 4096;
        int strokes = (int) Math.max(1, Math.min(limits.maxInkStrokes(), room / strokeBytes));
        return ink(random(strokes, points, 560, 280, 3), "560", "280", "18");
    }

    /**
     * One dot timed 1e308, as many times as fit {@code limits}, in an ink object with a member of its own: the server
     * keeps such an ink as the text it writes of it, where each time of six characters once took 309 (some 200
     * million characters for 8 MB, an {@code OutOfMemoryError} before anything was drawn).
     */
    public static String hugeTimesRewritten(InputLimits limits) {
        String point = "[1,1,1e308]";
        long room = (Math.min(limits.maxPayloadBytes(), 64 << 20) - 4096) / (point.length() + 1);
        int perStroke = Math.min(10_000, limits.maxInkStrokePoints());
        int strokes = (int) Math.max(1, Math.min(limits.maxInkStrokes(), room / perStroke));
        String stroke = "{\"points\":[" + String.join(",", Collections.nCopies(perStroke, point)) + "]}";
        return "{\"tool\":\"pen\",\"strokes\":[" + String.join(",", Collections.nCopies(strokes, stroke))
                + "],\"width\":28,\"height\":28,\"penWidth\":2}";
    }

    /** {@code strokes} strokes of {@code points} random whole points in [0, width) x [0, height), as JSON. */
    private static String random(int strokes, int points, int width, int height, long seed) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder("[");
        for (int s = 0; s < strokes; s++) {
            json.append(s == 0 ? "{\"points\":[" : ",{\"points\":[");
            for (int i = 0; i < points; i++) {
                json.append(i == 0 ? "[" : ",[").append(random.nextInt(width)).append(',')
                        .append(random.nextInt(height)).append(']');
            }
            json.append("]}");
        }
        return json.append(']').toString();
    }

    /** The ink object's JSON; sizes as JSON numbers' text. */
    private static String ink(String strokes, String width, String height, String penWidth) {
        return "{\"strokes\":" + strokes + ",\"width\":" + width + ",\"height\":" + height + ",\"penWidth\":"
                + penWidth + "}";
    }
}
