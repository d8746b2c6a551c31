package io.mathsketch.benchmarks;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.fixtures.CanvasFixtures;
import io.mathsketch.corpus.fixtures.InkNumbers;
import io.mathsketch.corpus.hand.InkNumberWriter;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.ink.StrokeGroupings.Weights;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.number.DigitScorer;
import io.mathsketch.engine.number.InkNumberReader;
import io.mathsketch.engine.number.LineScorer;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A number written in digital ink read in process ({@code mode=number}'s ink path without queueing): its strokes
 * grouped into digits, each candidate drawn at 28x28 and scored by the committed model in one batch on one predictor
 * (one intra-op thread, as served), side by side in one run:
 * <ul>
 *   <li>{@link #geometricGrouping}: geometry alone ({@code StrokeGroupings.Weights.GEOMETRIC}), what number mode did
 *   before its grouping was recognition-driven: the geometric digits are the only candidates;</li>
 *   <li>{@link #recognitionDrivenGrouping}: the default, where narrow geometric decisions add alternative groupings
 *   read (in a second batch, only where the geometric digits leave them a chance) and the best-read grouping is
 *   chosen;</li>
 *   <li>{@link #withLineReader}: the default with the committed line reader, as served: where geometry left something
 *   to decide, every candidate read in one batch and the whole line drawn and read by the line reader (a predictor
 *   of its own per line, as {@code LineReaderModel} reads), which rescores the grouping's best readings.</li>
 * </ul>
 * Inputs ({@code set}): {@code fixtures}, 64 numbers of 2-5 digits written with the Chromium canvas fixtures' strokes
 * ({@code InkNumbers}, a seed of its own, not the quality test's); {@code held-out-hand}, the first 64 numbers of
 * {@code InkNumberWriter.Config.HELD_OUT}. Taken in turn. The set-up prints the candidates scored, the scorer
 * calls and the lines read, per number.
 */
public class InkNumberBenchmark extends PredictorBenchmark {

    private static final int NUMBERS = 64;
    private static final long SEED = 0xBE_4C4L;

    @Param({"fixtures", "held-out-hand"})
    public String set;

    private Ink[] inks;
    private InkNumberReader geometric, recognitionDriven;
    private DigitScorer scorer;
    private ZooModel<float[][], float[][][]> lines;
    private LineScorer lineReader;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        openPredictor(BenchmarkModel.folder(EngineResolver.ONNX_RUNTIME), EngineResolver.ONNX_RUNTIME);
        inks = new Ink[NUMBERS];
        if (set.equals("fixtures")) {
            List<CanvasFixture> fixtures = CanvasFixtures.load();
            Random random = new Random(SEED);
            for (int n = 0; n < NUMBERS; n++) {
                List<CanvasFixture> digits = new ArrayList<>();
                for (int d = 2 + random.nextInt(4); d > 0; d--) {
                    digits.add(fixtures.get(random.nextInt(fixtures.size())));
                }
                inks[n] = InkNumbers.write(digits, random);
            }
        } else {
            InkNumberWriter writer = new InkNumberWriter(InkNumberWriter.Config.HELD_OUT);
            for (int n = 0; n < NUMBERS; n++) {
                inks[n] = writer.number(n).ink();
            }
        }
        geometric = new InkNumberReader(InputLimits.DEFAULT, Weights.GEOMETRIC);
        recognitionDriven = new InkNumberReader(InputLimits.DEFAULT, Weights.DEFAULT);
        int[] counted = new int[2];
        DigitScorer model = images -> {
            try {
                return predictor.predict(new DigitBatch(images));
            } catch (Exception e) {
                throw new RecognitionException.InferenceFailed("inference failed: " + e, e);
            }
        };
        DigitScorer counting = images -> {
            counted[0] += images.size();
            counted[1]++;
            return model.probabilities(images);
        };
        for (Ink ink : inks) {
            geometric.read(ink, counting);
        }
        int[] before = counted.clone();
        counted[0] = 0;
        counted[1] = 0;
        for (Ink ink : inks) {
            recognitionDriven.read(ink, counting);
        }
        System.out.printf(Locale.ROOT, "%n%s: per number, geometric %.2f candidates in %.2f calls,"
                + " recognition-driven %.2f in %.2f%n", set, (double) before[0] / NUMBERS, (double) before[1] / NUMBERS,
                (double) counted[0] / NUMBERS, (double) counted[1] / NUMBERS);
        lines = new ModelLoader(EngineResolver.ONNX_RUNTIME, Device.cpu(), 1).loadLines(ModelFolder.open(
                BenchmarkModel.modelsDirectory().resolve("mathsketch-line-reader"), EngineResolver.ONNX_RUNTIME));
        lineReader = field -> {
            try (Predictor<float[][], float[][][]> p = lines.newPredictor()) {
                return p.predict(new float[][] {field})[0];
            } catch (Exception e) {
                throw new RecognitionException.InferenceFailed("the line reader failed: " + e, e);
            }
        };
        counted[0] = 0;
        counted[1] = 0;
        int[] linesRead = new int[1];
        for (Ink ink : inks) {
            recognitionDriven.read(ink, counting, field -> {
                linesRead[0]++;
                return lineReader.logits(field);
            });
        }
        System.out.printf(Locale.ROOT, "%s: per number with the line reader %.2f candidates in %.2f calls,"
                + " %.2f lines%n", set, (double) counted[0] / NUMBERS, (double) counted[1] / NUMBERS,
                (double) linesRead[0] / NUMBERS);
        scorer = model;
    }

    @TearDown(Level.Trial)
    public void closeLineReader() {
        lines.close();
    }

    @Benchmark
    public List<ScoredRegion> geometricGrouping() throws RecognitionException {
        Ink ink = inks[next];
        next = (next + 1) % NUMBERS;
        return geometric.read(ink, scorer);
    }

    @Benchmark
    public List<ScoredRegion> recognitionDrivenGrouping() throws RecognitionException {
        Ink ink = inks[next];
        next = (next + 1) % NUMBERS;
        return recognitionDriven.read(ink, scorer);
    }

    @Benchmark
    public List<ScoredRegion> withLineReader() throws RecognitionException {
        Ink ink = inks[next];
        next = (next + 1) % NUMBERS;
        return recognitionDriven.read(ink, scorer, lineReader);
    }
}
