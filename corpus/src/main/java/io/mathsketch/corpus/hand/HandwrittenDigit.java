package io.mathsketch.corpus.hand;

import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.List;

/**
 * One generated drawing of a digit: its style and its pen strokes (canvas units, times in milliseconds from its
 * first point), drawn with a pen {@code penWidth} units wide.
 */
public record HandwrittenDigit(DigitStyle style, List<Stroke> strokes, double penWidth) {

    public HandwrittenDigit {
        strokes = List.copyOf(strokes);
    }

    /** The label a recogniser should answer. */
    public int digit() {
        return style.digit();
    }

    /** This digit alone as the ink of a {@code width} x {@code height} writing surface. */
    public Ink ink(double width, double height) {
        return new Ink(strokes, width, height, penWidth);
    }

    /** This digit alone on the drawing page's canvas, as the page would send it. */
    public Ink pageInk() {
        return ink(HandwritingGenerator.PAGE_CANVAS, HandwritingGenerator.PAGE_CANVAS);
    }

    /**
     * Several digits (drawn into their own boxes) as one ink, written left to right: each digit's times follow the
     * previous one's; the pen is the first digit's.
     */
    public static Ink together(List<HandwrittenDigit> digits, double width, double height) {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no digits to put together");
        }
        List<Stroke> all = Timeline.oneAfterAnother(digits.stream().map(HandwrittenDigit::strokes).toList());
        return new Ink(all, width, height, digits.getFirst().penWidth);
    }
}
