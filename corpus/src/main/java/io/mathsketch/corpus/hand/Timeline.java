package io.mathsketch.corpus.hand;

import io.mathsketch.engine.image.Stroke;
import java.util.ArrayList;
import java.util.List;

/** Puts drawings written one after the other on one clock, as a pointer would have reported them. */
public final class Timeline {

    /** Pause between two drawings written one after the other, in milliseconds. */
    public static final double PAUSE_BETWEEN_DRAWINGS = 350;

    private Timeline() {
    }

    /** The strokes of all drawings, each drawing's times (from 0) following the previous one's after a pause. */
    public static List<Stroke> oneAfterAnother(List<List<Stroke>> drawings) {
        List<Stroke> all = new ArrayList<>();
        double offset = 0;
        for (List<Stroke> drawing : drawings) {
            double last = 0;
            for (Stroke s : drawing) {
                double[] t = s.time().clone();
                for (int i = 0; i < t.length; i++) {
                    t[i] += offset;
                    last = Math.max(last, t[i]);
                }
                all.add(new Stroke(s.x(), s.y(), t, s.pressure()));
            }
            offset = last + PAUSE_BETWEEN_DRAWINGS;
        }
        return all;
    }
}
