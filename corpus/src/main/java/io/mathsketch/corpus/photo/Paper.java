package io.mathsketch.corpus.photo;

/** The paper's colour as the camera sees it in good light: white, cream, grey, blue-tinted or a yellow note. */
public enum Paper {
    WHITE(246, 246, 242),
    CREAM(244, 236, 212),
    GREY(196, 196, 192),
    DARK_GREY(168, 168, 165),
    BLUE_TINT(226, 234, 246),
    YELLOW_NOTE(250, 236, 150);

    final int red, green, blue;

    Paper(int red, int green, int blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }
}
