package io.mathsketch.server.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Digits drawn the way people draw them (a few strokes of a pen) in a 280 x 280 box, for the browser tests and the
 * screenshots; {@code DrawingPageTest} checks that the committed model reads each as the digit it is meant to be.
 */
final class HandDrawnDigits {

    /** The digits there is a drawing of. */
    static final int[] DIGITS = {0, 1, 2, 3, 4, 7};

    private HandDrawnDigits() {
    }

    static List<Stroke> of(int digit) {
        return switch (digit) {
            case 0 -> List.of(new Stroke(Stroke.arc(140, 140, 58, 88, -90, 275, 36)));
            case 1 -> List.of(Stroke.of(112, 88, 148, 50, 148, 236));
            case 2 -> List.of(new Stroke(join(Stroke.arc(140, 102, 52, 48, -165, 30, 18),
                    List.of(new Stroke.Point(84, 232), new Stroke.Point(204, 232)))));
            case 3 -> List.of(new Stroke(join(Stroke.arc(138, 96, 50, 44, -160, 90, 20),
                    Stroke.arc(138, 188, 56, 48, -90, 160, 20))));
            case 4 -> List.of(Stroke.of(166, 46, 78, 170, 208, 170), Stroke.of(168, 100, 168, 240));
            case 7 -> List.of(Stroke.of(84, 62, 198, 62, 122, 236));
            default -> throw new IllegalArgumentException("no hand-drawn " + digit);
        };
    }

    private static List<Stroke.Point> join(List<Stroke.Point> first, List<Stroke.Point> second) {
        List<Stroke.Point> points = new ArrayList<>(first);
        points.addAll(second);
        return points;
    }
}
