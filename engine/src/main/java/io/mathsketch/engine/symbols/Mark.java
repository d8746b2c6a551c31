package io.mathsketch.engine.symbols;

import io.mathsketch.engine.image.Box;

/**
 * One separate mark of ink (a connected component, or a piece of one cut where two symbols touch): its pixels as
 * indices into the image it was found in, and its bounds.
 *
 * @param source the index of the connected component it is or was cut from
 * @param whole false for a piece cut out of a larger mark
 */
public record Mark(int[] pixels, Box box, int source, boolean whole) {

    double centreX() {
        return box.x() + box.width() / 2.0;
    }

    int x1() {
        return box.x() + box.width();
    }
}
