package io.mathsketch.engine.model;

import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.image.DigitImage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InputEncoderTest {

    private static DigitImage digit(float value) {
        float[] px = new float[DigitImage.SIZE];
        px[0] = value;
        return new DigitImage(px);
    }

    @Test
    void mnistConventionKeepsInkHighAndStandardises() {
        InputEncoder encoder = new InputEncoder(
                Manifests.sample(Layout.NCHW, InkPolarity.LIGHT_ON_DARK, 0.1307f, 0.3081f));
        float[] out = encoder.encode(new DigitBatch(List.of(digit(1f), digit(0.5f))));
        assertEquals(2 * DigitImage.SIZE, out.length);
        assertEquals((1f - 0.1307f) / 0.3081f, out[0], 1e-5f);
        assertEquals((0f - 0.1307f) / 0.3081f, out[1], 1e-5f);
        assertEquals((0.5f - 0.1307f) / 0.3081f, out[DigitImage.SIZE], 1e-5f);
    }

    @Test
    void darkOnLightWithHalfMeanAndStdMapsInkToMinusOne() {
        InputEncoder encoder = new InputEncoder(Manifests.sample(Layout.FLAT, InkPolarity.DARK_ON_LIGHT, 0.5f, 0.5f));
        float[] out = encoder.encode(new DigitBatch(List.of(digit(1f))));
        assertEquals(-1f, out[0], 1e-6f);
        assertEquals(1f, out[1], 1e-6f);
    }

    @Test
    void layoutOnlyChangesTheShape() {
        assertArrayEquals(new long[] {3, 1, 28, 28},
                new InputEncoder(Manifests.sample(Layout.NCHW, InkPolarity.LIGHT_ON_DARK, 0, 1)).shape(3));
        assertArrayEquals(new long[] {3, 28, 28, 1},
                new InputEncoder(Manifests.sample(Layout.NHWC, InkPolarity.LIGHT_ON_DARK, 0, 1)).shape(3));
        assertArrayEquals(new long[] {3, 784},
                new InputEncoder(Manifests.sample(Layout.FLAT, InkPolarity.LIGHT_ON_DARK, 0, 1)).shape(3));
    }
}
