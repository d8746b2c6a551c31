package io.mathsketch.benchmarks;

import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.zip.DataFormatException;

/**
 * Preprocessing per input class of the payload corpus ({@code io.mathsketch.corpus.payload}): encoded bytes to the
 * 28x28 MNIST-centred {@link DigitImage}, one image per operation, cycling through the class's images.
 *
 * <p>Compared, in the same run, on the same images:
 * <ul>
 *   <li>{@link #inflateReference}: a bare {@code Inflater} pass over each PNG's IDAT data into a reused buffer
 *   ({@link InflateReference}), what any decoder built on {@code java.util.zip} pays before doing anything else
 *   (target: {@link #pipeline} at most 0.8x this on every canvas class);</li>
 *   <li>{@link #decode}: our decoder alone (inflate, unfilter, rows to luminance and alpha planes), so that
 *   {@code pipeline - decode} is the work after decoding: ink box, resampling, centring (target: at most 50 µs).</li>
 * </ul>
 * The {@value Payloads#SAMPLE_CANVAS} class is the synthetic canvas of earlier results, kept as one labelled row.
 */
// Shorter iterations than JmhSettings' (3 x 1 s warm-up, 5 x 1 s measured): 27 runs (3 methods x 9 payload classes)
// take about 4 minutes of measuring instead of 8.
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PayloadBenchmark extends JmhSettings {

    /** Images per class the benchmark cycles through. */
    static final int IMAGES = 20;

    @Param({"chromium-canvas", "hand-canvas", "mnist280-rgb-dark", "mnist280-rgb-light", "mnist280-rgba-dark",
        "mnist280-rgba-light", "gray140", "mnist28", Payloads.SAMPLE_CANVAS})
    public String payload;

    private ImagePreprocessor preprocessor;
    private ImageDecoder decoder;
    private Slowdown slowdown;
    private Payloads images;
    private InflateReference reference;

    @Setup(Level.Trial)
    public void setUp() throws DataFormatException {
        preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        decoder = new ImageDecoder(InputLimits.DEFAULT);
        slowdown = Slowdown.fromSystemProperty();
        images = Payloads.of(payload, IMAGES);
        reference = new InflateReference(images);
        reference.checkWhole(payload); // fails the trial, not the numbers, if the reference stopped doing the whole job
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reference.close();
    }

    @Benchmark
    public DigitImage pipeline() throws Exception {
        DigitImage digit = preprocessor.digit(images.next());
        for (int i = slowdown.extraRuns("PayloadBenchmark.pipeline"); i > 0; i--) {
            digit = preprocessor.digit(images.next());
        }
        return digit;
    }

    @Benchmark
    public int decode() throws Exception {
        return decoder.decode(images.next(), image -> image.lum()[image.width() * image.height() / 2]);
    }

    @Benchmark
    public int inflateReference() {
        try {
            return reference.inflateNext();
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt corpus PNG in " + payload, e);
        }
    }
}
