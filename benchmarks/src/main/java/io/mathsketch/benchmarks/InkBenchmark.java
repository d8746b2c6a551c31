package io.mathsketch.benchmarks;

import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.fixtures.CanvasFixtures;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.ink.InkJson;
import io.mathsketch.engine.ink.InkRenderer;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.InputEncoder;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/**
 * A drawing sent as digital ink to the model's input tensor, beside the same drawing sent as the page's canvas PNG,
 * on the real page's own recordings (the 250 Chromium canvas fixtures of {@code data/canvas-fixtures}: each digit's
 * ink and the PNG the page exported of it), taken in turn:
 * <ul>
 *   <li>{@link #inkToTensor}: every fixture's ink (87 points on average, 24 to 357) drawn at 28x28 by
 *   {@link InkRenderer} and normalised into the float tensor the manifest asks for;</li>
 *   <li>{@link #ink150PointsToTensor}: the same on the fixtures of 130 to 170 points (issue 13's "typical digit, ~150
 *   points"; target 20 µs or less);</li>
 *   <li>{@link #inkJsonToTensor}: the ink from its JSON text, as the server reads it from a request, then drawn;</li>
 *   <li>{@link #canvasPngToTensor}: the fixtures' PNGs through the image path (decode, ink box, MNIST centring), what a
 *   recognition cost before the page sent ink.</li>
 * </ul>
 */
public class InkBenchmark extends JmhSettings {

    /** Points of the "typical digit" subset. */
    static final int TYPICAL_MIN_POINTS = 130, TYPICAL_MAX_POINTS = 170;

    private final InkRenderer renderer = new InkRenderer();
    private ImagePreprocessor preprocessor;
    private InputEncoder encoder;
    private Ink[] inks;
    private Ink[] typical;
    private String[] inkJson;
    private byte[][] pngs;
    private int nextInk, nextTypical, nextJson, nextPng;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        encoder = new InputEncoder(BenchmarkModel.folder(EngineResolver.ONNX_RUNTIME).manifest());
        List<CanvasFixture> fixtures = CanvasFixtures.load();
        inks = fixtures.stream().map(CanvasFixture::ink).toArray(Ink[]::new);
        typical = fixtures.stream().map(CanvasFixture::ink)
                .filter(i -> i.pointCount() >= TYPICAL_MIN_POINTS && i.pointCount() <= TYPICAL_MAX_POINTS)
                .toArray(Ink[]::new);
        inkJson = fixtures.stream().map(CanvasFixture::inkJson).toArray(String[]::new);
        pngs = fixtures.stream().map(CanvasFixture::pngBytes).toArray(byte[][]::new);
        if (typical.length == 0) {
            throw new IllegalStateException("no fixture has " + TYPICAL_MIN_POINTS + " to " + TYPICAL_MAX_POINTS
                    + " points");
        }
    }

    @Benchmark
    public float[] inkToTensor() throws Exception {
        Ink ink = inks[nextInk];
        nextInk = (nextInk + 1) % inks.length;
        return encoder.encode(new DigitBatch(List.of(renderer.digit(ink).digit())));
    }

    @Benchmark
    public float[] ink150PointsToTensor() throws Exception {
        Ink ink = typical[nextTypical];
        nextTypical = (nextTypical + 1) % typical.length;
        return encoder.encode(new DigitBatch(List.of(renderer.digit(ink).digit())));
    }

    @Benchmark
    public float[] inkJsonToTensor() throws Exception {
        String json = inkJson[nextJson];
        nextJson = (nextJson + 1) % inkJson.length;
        return encoder.encode(new DigitBatch(List.of(renderer.digit(InkJson.read(json, InputLimits.DEFAULT)).digit())));
    }

    @Benchmark
    public float[] canvasPngToTensor() throws Exception {
        byte[] png = pngs[nextPng];
        nextPng = (nextPng + 1) % pngs.length;
        return encoder.encode(new DigitBatch(List.of(preprocessor.digit(png))));
    }
}
