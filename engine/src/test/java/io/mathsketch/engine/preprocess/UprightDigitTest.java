package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.codec.Orientation;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.ExifBytes;
import io.mathsketch.engine.testing.PixelCorrelation;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A picture stored sideways (or mirrored) with its EXIF orientation gives the model the same upright 28x28 input as
 * the upright picture: the input {@code /recognitions/{id}/image} shows, and what the model reads.
 */
class UprightDigitTest {

    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
    private final InkImage seven = SyntheticDigits.draw("7", 60, 0.1);

    /** What a camera stores for an upright scene it records with {@code value}: the inverse turn. */
    private static BufferedImage stored(BufferedImage upright, int value) {
        int inverse = value == 6 ? 8 : value == 8 ? 6 : value; // the others undo themselves
        return Orientation.ofExif(inverse).upright(upright);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aTaggedPictureGivesTheUprightInput(int value) throws RecognitionException {
        BufferedImage upright = CanvasRenderer.white(320, 240).image(List.of(
                CanvasRenderer.place(seven, 190, 40, 2.2)));
        DigitImage expected = preprocessor.digit(CanvasRenderer.encode(upright, "png"));

        BufferedImage stored = stored(upright, value);
        byte[] png = ExifBytes.png(CanvasRenderer.encode(stored, "png"), ExifBytes.tiff(value));
        assertArrayEquals(expected.pixels(), preprocessor.digit(png).pixels(), 0f, "PNG eXIf " + value);

        // Compared with the upright JPEG: compression artefacts, not orientation, are what differs from the PNG.
        DigitImage uprightJpeg = preprocessor.digit(CanvasRenderer.encode(upright, "jpeg"));
        byte[] jpeg = ExifBytes.jpeg(CanvasRenderer.encode(stored, "jpeg"), ExifBytes.tiff(value, true, 3));
        double r = PixelCorrelation.of(uprightJpeg.pixels(), preprocessor.digit(jpeg).pixels());
        assertTrue(r > 0.97, "JPEG APP1 " + value + ": correlation " + r);
        if (value != 1) {
            // Untagged, the stored picture is a different input: the tag is what makes it upright.
            double untagged = PixelCorrelation.of(expected.pixels(),
                    preprocessor.digit(CanvasRenderer.encode(stored, "png")).pixels());
            assertTrue(untagged < 0.9, "orientation " + value + " untagged still correlates " + untagged);
        }
    }
}
