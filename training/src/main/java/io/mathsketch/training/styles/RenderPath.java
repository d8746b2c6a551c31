package io.mathsketch.training.styles;

/** How a generated drawing reaches the model: the ways users send digits. */
public enum RenderPath {
    /** Drawn on the page's canvas and posted as its PNG. */
    CANVAS("canvas"),
    /** A photo of the digit on paper, cropped to 28x28 ({@link PaperCrop}). */
    PAPER("paper photo crop");

    private final String description;

    RenderPath(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
