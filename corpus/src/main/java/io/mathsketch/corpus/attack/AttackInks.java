package io.mathsketch.corpus.attack;

import io.mathsketch.engine.config.InputLimits;

import java.util.Random;

/**
 * The attack corpus's digital inks: valid ink, within every point, stroke and coordinate limit, whose drawing costs
 * what its segments times their length times the pen cost. Written as the ink object's JSON text, deterministic.
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
        return ink(random(1, 80, SURFACE, SURFACE, 1), SURFACE, SURFACE, SURFACE);
    }

    /** A pen wider than the surface: refused whatever it draws. */
    public static String penWiderThanSurface() {
        return ink(random(1, 3, 280, 280, 2), 280, 280, 281);
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
        return ink(random(strokes, points, 560, 280, 3), 560, 280, 18);
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

    private static String ink(String strokes, int width, int height, int penWidth) {
        return "{\"strokes\":" + strokes + ",\"width\":" + width + ",\"height\":" + height + ",\"penWidth\":"
                + penWidth + "}";
    }
}
