package io.mathsketch.corpus.photo;

/** What the digit was written with: its colour on white paper, how opaque it lays down, and whether it is grainy. */
public enum Pen {
    BLUE_BALLPOINT(28, 46, 140, 0.92, false),
    BLACK_PEN(22, 22, 28, 0.97, false),
    PENCIL(95, 95, 100, 0.75, true);

    final int red, green, blue;
    /** Share of the paper's light the ink takes away where it fully covers. */
    final double opacity;
    /** Graphite leaves a broken, grainy line rather than a solid one. */
    final boolean grainy;

    Pen(int red, int green, int blue, double opacity, boolean grainy) {
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.opacity = opacity;
        this.grainy = grainy;
    }
}
