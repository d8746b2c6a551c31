package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionException.InkTooLarge;

/**
 * The drawing work one request may do with its ink ({@code limits.max-ink-work}), spent by every drawing of it. A
 * unit is one pixel a stroke segment visits, or one point of a flattened stroke: what drawing costs, which grows
 * with the segments times their length times the pen, not with the points alone. {@link InkRenderer} counts a
 * drawing's work before it draws and refuses ink over what is left, so a refusal costs the counting (a row of pixels
 * at a time), never the drawing. Not thread-safe: one per request.
 */
public final class InkWork {

    private final long budget;
    private long spent;

    /** @param budget units the request may spend, at least 1 */
    public InkWork(long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("an ink work budget is at least 1, not " + budget);
        }
        this.budget = budget;
    }

    /** No bound: for tools and tests drawing ink they made themselves, never for a client's ink. */
    public static InkWork unbounded() {
        return new InkWork(Long.MAX_VALUE);
    }

    /** Units spent so far. */
    public long spent() {
        return spent;
    }

    public long budget() {
        return budget;
    }

    /** Whether {@code units} more are over the budget. */
    boolean over(long units) {
        return units > budget - spent;
    }

    /** Whether {@code units} more are within the budget; false for NaN. */
    boolean fits(double units) {
        return units <= budget - spent;
    }

    void spend(long units) throws InkTooLarge {
        if (over(units)) {
            throw tooLarge();
        }
        spent += units;
    }

    InkTooLarge tooLarge() {
        return new InkTooLarge("the ink takes more than " + budget + " units of drawing work (pixels its strokes"
                + " cover at the size it is drawn; limits.max-ink-work): send fewer or shorter strokes, or a"
                + " thinner pen");
    }
}
