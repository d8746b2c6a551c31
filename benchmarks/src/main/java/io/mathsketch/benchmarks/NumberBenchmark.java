package io.mathsketch.benchmarks;

import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.number.NumberReader;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Optional;

/**
 * A written number read in process ({@code mode=number}), canvas PNG bytes in, {@link Recognition} out through
 * {@link DjlRecognizer} with the engine's default configuration, on the first eight numbers of the corpus's held-out
 * {@code NumberConfig.TEST} set (2-6 digits; clean, broken, touching, uneven gaps; MNIST and handwriting), taken in
 * turn:
 * <ul>
 *   <li>{@link #numberRecognition}: recognition-driven segmentation (every candidate grouping centred and scored by
 *   the model in batches, the best reading chosen, its digits read again);</li>
 *   <li>{@link #geometricRegions}: the same PNGs through {@link NumberReader#regions}, the geometry-only segmentation
 *   that number mode used before, without any inference: what the search adds is the difference, less inference;</li>
 *   <li>{@link #canvasDigitRecognition}: one canvas digit in digit mode through the same recogniser, which number
 *   mode's work must not slow (compare with {@link EndToEndBenchmark#canvasOneThread}).</li>
 * </ul>
 */
public class NumberBenchmark extends JmhSettings {

    private static final int NUMBERS = 8;

    private DjlRecognizer recognizer;
    private NumberReader geometric;
    private RecognitionRequest[] numbers;
    private byte[][] pngs;
    private RecognitionRequest canvas;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        recognizer = DjlRecognizer.open(EngineConfig.builder()
                .modelsDirectory(BenchmarkModel.modelsDirectory()).model(BenchmarkModel.NAME).build());
        geometric = new NumberReader(InputLimits.DEFAULT);
        pngs = BenchmarkModel.heldOutNumberPngs(NUMBERS);
        numbers = new RecognitionRequest[NUMBERS];
        for (int i = 0; i < NUMBERS; i++) {
            numbers[i] = new RecognitionRequest(new Input.EncodedImage(pngs[i]), Optional.empty(),
                    RecognitionRequest.Mode.NUMBER);
        }
        canvas = RecognitionRequest.digit(new Input.EncodedImage(SampleImages.canvasPng(3)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recognizer.close();
    }

    @Benchmark
    public Recognition numberRecognition() throws RecognitionException {
        RecognitionRequest number = numbers[next];
        next = (next + 1) % NUMBERS;
        return recognizer.recognize(number);
    }

    @Benchmark
    public List<DigitRegion> geometricRegions() throws RecognitionException {
        byte[] png = pngs[next];
        next = (next + 1) % NUMBERS;
        return geometric.regions(png);
    }

    @Benchmark
    public Recognition canvasDigitRecognition() throws RecognitionException {
        return recognizer.recognize(canvas);
    }
}
