package io.mathsketch.corpus.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.testing.PixelCorrelation;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PayloadCorpusTest {

    private static final int COUNT = 6;
    private final PayloadCorpus corpus = PayloadCorpus.ofCheckout();
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);

    @ParameterizedTest
    @EnumSource(value = PayloadClass.class, names = "CHROMIUM_CANVAS", mode = EnumSource.Mode.EXCLUDE)
    void everyGeneratedClassIsDeterministicAndOfItsDeclaredShape(PayloadClass payloadClass) {
        List<Payload> first = corpus.payloads(payloadClass, COUNT);
        List<Payload> again = corpus.payloads(payloadClass, COUNT);
        assertEquals(COUNT, first.size());
        for (int i = 0; i < COUNT; i++) {
            assertArrayEquals(first.get(i).bytes(), again.get(i).bytes(), "same bytes on every run: " + first.get(i));
            assertEquals(first.get(i).name(), again.get(i).name());
        }
        int[] header = pngHeader(first.get(0).bytes());
        int side = switch (payloadClass) {
            case MNIST_28 -> 28;
            case GRAY_140 -> PayloadCorpus.SMALL;
            default -> PayloadCorpus.CANVAS;
        };
        assertEquals(side, header[0], "width");
        assertEquals(side, header[1], "height");
        int colourType = switch (payloadClass) {
            case MNIST_28, GRAY_140 -> 0;
            case MNIST_RGB_DARK, MNIST_RGB_LIGHT -> 2;
            default -> 6;
        };
        assertEquals(colourType, header[2], "PNG colour type of " + payloadClass.id());
    }

    /**
     * Whatever the encoding (size, polarity, alpha), the engine must see the same digit as in MNIST's own 28x28
     * picture: otherwise a class would time a different amount of ink than it claims.
     */
    @ParameterizedTest
    @EnumSource(value = PayloadClass.class, names = {"MNIST_RGB_DARK", "MNIST_RGB_LIGHT", "MNIST_RGBA_DARK",
        "MNIST_RGBA_LIGHT", "GRAY_140"})
    void everyMnistEncodingShowsTheEngineTheSameDigit(PayloadClass payloadClass) throws Exception {
        List<Payload> reference = corpus.payloads(PayloadClass.MNIST_28, COUNT);
        List<Payload> encoded = corpus.payloads(payloadClass, COUNT);
        for (int i = 0; i < COUNT; i++) {
            assertEquals(reference.get(i).digit(), encoded.get(i).digit());
            DigitImage expected = preprocessor.digit(reference.get(i).bytes());
            DigitImage actual = preprocessor.digit(encoded.get(i).bytes());
            double r = PixelCorrelation.of(expected.pixels(), actual.pixels());
            assertTrue(r > 0.85, payloadClass.id() + " " + encoded.get(i).name() + ": correlation " + r);
        }
    }

    @Test
    void handCanvasesCarryTheirLabelsAndDecodeToInk() throws Exception {
        List<Payload> canvases = corpus.payloads(PayloadClass.HAND_CANVAS, 10);
        assertEquals(10, canvases.size());
        for (Payload p : canvases) {
            assertTrue(p.digit() >= 0 && p.digit() <= 9, p.name());
            float ink = 0;
            for (float v : preprocessor.digit(p.bytes()).pixels()) {
                ink += v;
            }
            assertTrue(ink > 20, p.name() + " holds a digit's worth of ink: " + ink);
        }
    }

    @Test
    void classIdsRoundTrip() {
        for (PayloadClass c : PayloadClass.values()) {
            assertEquals(c, PayloadClass.of(c.id()));
        }
    }

    private static int[] pngHeader(byte[] png) {
        ByteBuffer b = ByteBuffer.wrap(png);
        return new int[] {b.getInt(16), b.getInt(20), png[25]};
    }
}
