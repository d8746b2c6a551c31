package io.mathsketch.corpus.payload;

/**
 * The input classes the benchmarks report separately: what real clients post, each made elsewhere than the engine's
 * own test images. The name is what reports, result files and corpus folders use.
 */
public enum PayloadClass {

    /** Canvas PNGs exported by the drawing page in Chromium, drawn with pointer events (pen widths 8-36). */
    CHROMIUM_CANVAS("chromium-canvas", "canvas PNGs exported by the drawing page in Chromium (data/canvas-fixtures)"),
    /** The page's canvas rasterised by {@code corpus.render} from held-out stroke handwriting. */
    HAND_CANVAS("hand-canvas", "280x280 RGBA canvas PNGs of held-out stroke handwriting (corpus.hand HELD_OUT, pen"
            + " 8-36), drawn as the page's canvas draws"),
    /** MNIST test digits scaled up to a 280x280 RGB canvas: black ink on white. */
    MNIST_RGB_DARK("mnist280-rgb-dark", "MNIST test digits upscaled (bicubic) to 280x280 RGB PNG, dark ink on white"),
    /** MNIST test digits scaled up to a 280x280 RGB canvas: white ink on black. */
    MNIST_RGB_LIGHT("mnist280-rgb-light", "MNIST test digits upscaled (bicubic) to 280x280 RGB PNG, light ink on"
            + " black"),
    /** MNIST test digits scaled up to a 280x280 RGBA canvas: black ink, transparent background. */
    MNIST_RGBA_DARK("mnist280-rgba-dark", "MNIST test digits upscaled (bicubic) to 280x280 RGBA PNG, black ink with"
            + " alpha on transparency"),
    /** MNIST test digits scaled up to a 280x280 RGBA canvas: white ink, transparent background (a dark-mode page). */
    MNIST_RGBA_LIGHT("mnist280-rgba-light", "MNIST test digits upscaled (bicubic) to 280x280 RGBA PNG, white ink with"
            + " alpha on transparency"),
    /** MNIST test digits as they are: 28x28 greyscale PNGs. */
    MNIST_28("mnist28", "MNIST test digits as 28x28 greyscale PNG, light on dark"),
    /** A small greyscale picture of a digit. */
    GRAY_140("gray140", "MNIST test digits upscaled (bicubic) to 140x140 greyscale PNG, dark on white");

    private final String id;
    private final String description;

    PayloadClass(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Short name for reports and folders, e.g. {@code mnist280-rgb-dark}. */
    public String id() {
        return id;
    }

    /** One line saying what the class holds and where it comes from. */
    public String description() {
        return description;
    }

    /** The class named {@code id}. */
    public static PayloadClass of(String id) {
        for (PayloadClass c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no payload class '" + id + "'; known: " + java.util.Arrays.stream(values())
                .map(PayloadClass::id).toList());
    }
}
