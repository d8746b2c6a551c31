package io.mathsketch.engine.symbols;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;
import java.util.List;

/**
 * The ink of one written symbol: its box in the source image, the boxes of its connected parts (two for {@code =},
 * three for {@code ÷}), and a crop of the box holding only those parts' ink (a neighbour reaching into the box is
 * left out).
 */
public record SymbolGroup(Box box, List<Box> parts, InkImage ink) {

    public SymbolGroup {
        parts = List.copyOf(parts);
    }

    /** Horizontal centre in source pixels. */
    public double centreX() {
        return box.x() + box.width() / 2.0;
    }

    /** Vertical centre in source pixels. */
    public double centreY() {
        return box.y() + box.height() / 2.0;
    }
}
