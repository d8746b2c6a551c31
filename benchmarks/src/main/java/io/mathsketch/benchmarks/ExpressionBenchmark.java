package io.mathsketch.benchmarks;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.corpus.symbols.ExpressionWriter;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.symbols.ExpressionLayout;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Optional;

/**
 * A written expression read in process ({@code mode=expression}), canvas PNG bytes in, {@link Recognition} out
 * through {@link DjlRecognizer}, on the first eight expressions of the held-out hand's set (the lines
 * {@code ExpressionQualityTest} measures: 2-5 numbers, 1-4 operators, some parentheses), taken in turn:
 * <ul>
 *   <li>{@link #asServed}: with the three default models: every candidate symbol of the line (marks alone, joined
 *   and cut) read by the symbol model, again by the digit model and again by the digit verifier;</li>
 *   <li>{@link #symbolAndDigitModels}: the same without the verifier: the difference is what its pass costs;</li>
 *   <li>{@link #symbolModelOnly}: the same lines with the symbol model alone, which reads its own digits: the
 *   difference is what the digit model's second pass costs;</li>
 *   <li>{@link #layoutOnly}: decoding, segmentation and the candidates' centring without any inference: the rest of
 *   the difference to the two above is inference and the reading of the line.</li>
 * </ul>
 */
public class ExpressionBenchmark extends JmhSettings {

    private static final int EXPRESSIONS = 8;
    private static final String SYMBOLS = "mathsketch-symbols";
    private static final String VERIFIER = "mathsketch-digit-verifier";

    private DjlRecognizer served;
    private DjlRecognizer both;
    private DjlRecognizer symbolsOnly;
    private ExpressionLayout layout;
    private RecognitionRequest[] requests;
    private byte[][] pngs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        served = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(BenchmarkModel.modelsDirectory())
                .models(List.of(BenchmarkModel.NAME, SYMBOLS, VERIFIER)).build());
        both = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(BenchmarkModel.modelsDirectory())
                .models(List.of(BenchmarkModel.NAME, SYMBOLS)).build());
        symbolsOnly = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(BenchmarkModel.modelsDirectory())
                .models(List.of(SYMBOLS)).build());
        layout = new ExpressionLayout(InputLimits.DEFAULT);
        ExpressionWriter writer = new ExpressionWriter(HandConfig.HELD_OUT);
        CanvasRasterizer canvas = new CanvasRasterizer();
        requests = new RecognitionRequest[EXPRESSIONS];
        pngs = new byte[EXPRESSIONS][];
        for (int i = 0; i < EXPRESSIONS; i++) {
            pngs[i] = canvas.png(writer.write(i).ink());
            requests[i] = new RecognitionRequest(new Input.EncodedImage(pngs[i]), Optional.empty(),
                    RecognitionRequest.Mode.EXPRESSION);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        served.close();
        both.close();
        symbolsOnly.close();
    }

    @Benchmark
    public Object asServed() throws RecognitionException {
        return read(served);
    }

    @Benchmark
    public Object symbolAndDigitModels() throws RecognitionException {
        return read(both);
    }

    @Benchmark
    public Object symbolModelOnly() throws RecognitionException {
        return read(symbolsOnly);
    }

    @Benchmark
    public ExpressionLayout.Laid layoutOnly() throws RecognitionException {
        byte[] png = pngs[next];
        next = (next + 1) % EXPRESSIONS;
        return layout.layout(png);
    }

    /** The next line's recognition, or the refusal of a line read without a value (still a full reading). */
    private Object read(DjlRecognizer recognizer) throws RecognitionException {
        RecognitionRequest request = requests[next];
        next = (next + 1) % EXPRESSIONS;
        try {
            return recognizer.recognize(request);
        } catch (RecognitionException.InvalidExpression e) {
            return e;
        }
    }
}
