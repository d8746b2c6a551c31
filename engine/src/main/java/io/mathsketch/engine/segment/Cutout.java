package io.mathsketch.engine.segment;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;

import java.util.Objects;

/**
 * One digit candidate cut out of a larger image: only its own ink (a neighbour's strokes that reach into its box
 * are left out), with a small margin, not yet centred.
 *
 * @param box the candidate's stroke box in the segmented image's coordinates
 * @param ink the cut-out, a little larger than {@code box}
 */
public record Cutout(Box box, InkImage ink) {

    public Cutout {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(ink, "ink");
    }
}
