package io.mathsketch.corpus.hand;

import ai.djl.Device;
import ai.djl.repository.zoo.ZooModel;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.ink.StrokeGroupings.Weights;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.number.DigitScorer;
import io.mathsketch.engine.number.InkNumberReader;
import io.mathsketch.engine.number.LineScorer;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;
import io.mathsketch.engine.segment.ReadingSearch;
import io.mathsketch.engine.testing.Checkout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tuning aid for number mode's ink grouping, never run by the build ({@code ./mvnw -pl corpus verify
 * -Dtest=InkNumberTuning -Dsurefire.failIfNoSpecifiedTests=false}, {@code -Dnumbers=} how many, 800 by default,
 * {@code -Dfirst=} from which, 0 by default):
 * reads {@link InkNumberWriter.Config#TUNING} numbers (the training hands; never the canvas fixtures'
 * {@code InkNumberTest} numbers nor the held-out hands) with geometry alone and with every combination of
 * {@link Weights} on a small grid, printing how many each reads exactly, per spacing, and the misses of the best.
 * The model's scores are cached per drawn candidate, so the grid costs little beyond the first pass. With
 * {@code -Dline}, instead, the line reader's weights ({@link #printTheExactShareWithTheLineReader}).
 */
class InkNumberTuning {

    @Test
    void printTheExactShareForEachWeightsAndTheMissesOfTheBest() throws Exception {
        if (System.getProperty("line") != null) {
            return;
        }
        List<InkNumberWriter.Written> numbers = tuningNumbers();
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models())
                .model("mnist-cnn").workers(1).batching(Batching.builder().queueCapacity(64).build()).build())) {
            CachedDigitScorer scorer = new CachedDigitScorer(recognizer, "mnist-cnn");
            report("geometric", numbers, Weights.GEOMETRIC, scorer, Boolean.getBoolean("geometricMisses"));
            // Coordinate descent from the defaults over a few values of each weight, twice round.
            double[][] values = {{0.05, 0.1, 0.15, 0.2, 0.3}, {0, 0.25, 0.5, 1, 2}, {0, 0.5, 1, 2, 3},
                {0.7, 0.8, 0.9, 1.0, 1.1, 1.2}, {1, 2, 4, 8, 16}, {0.3, 0.4, 0.5, 0.6, 0.7}, {1, 2, 4, 8, 16}};
            Weights best = Weights.DEFAULT;
            int bestRight = report("default", numbers, best, scorer, false);
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < values.length; i++) {
                    for (double v : values[i]) {
                        Weights w = best.with(i, v);
                        int right = report(w.toString(), numbers, w, scorer, false);
                        if (right > bestRight) {
                            bestRight = right;
                            best = w;
                        }
                    }
                }
            }
            System.out.println("best:");
            report(best.toString(), numbers, best, scorer, true);
            System.out.println("default:");
            report("default", numbers, Weights.DEFAULT, scorer, true);
        }
    }

    /** The tuning hands' numbers {@code -Dfirst} (0) on, {@code -Dnumbers} (800) of them. */
    private static List<InkNumberWriter.Written> tuningNumbers() {
        int count = Integer.getInteger("numbers", 800), first = Integer.getInteger("first", 0);
        InkNumberWriter writer = new InkNumberWriter(InkNumberWriter.Config.TUNING);
        List<InkNumberWriter.Written> numbers = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            numbers.add(writer.number(i));
        }
        return numbers;
    }

    /**
     * With {@code -Dline}: the same numbers read with the grouping's default weights, without and with the committed
     * line reader, at the line weights ({@code -DlineWeights}) and counts of readings rescored
     * ({@code -DlineReadings}) given, comma-separated ({@code -Dmisses}: and the misses). Each line is read once.
     */
    @Test
    void printTheExactShareWithTheLineReader() throws Exception {
        if (System.getProperty("line") == null) {
            return;
        }
        List<InkNumberWriter.Written> numbers = tuningNumbers();
        ModelLoader loader = new ModelLoader("OnnxRuntime", Device.cpu(), 1);
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models())
                .model("mnist-cnn").workers(1).batching(Batching.builder().queueCapacity(64).build()).build());
             ZooModel<float[][], float[][][]> lines = loader.loadLines(ModelFolder.open(
                     Checkout.models().resolve("mathsketch-line-reader"), "OnnxRuntime"))) {
            CachedDigitScorer scorer = new CachedDigitScorer(recognizer, "mnist-cnn");
            LineScorer line = MemoizedLineScorer.of(lines);
            report("no line reader", numbers, new InkNumberReader(InputLimits.DEFAULT), scorer, null, false);
            ReadingSearch.Weights base = ReadingSearch.Weights.DEFAULT;
            for (double readings : values("lineReadings", "8")) {
                for (double weight : values("lineWeights", "0.25,0.5,1")) {
                    ReadingSearch.Weights w = base.with(12, readings).with(11, weight);
                    report(String.format(Locale.ROOT, "readings %.0f weight %s", readings, weight), numbers,
                            new InkNumberReader(InputLimits.DEFAULT, Weights.DEFAULT, w), scorer, line,
                            Boolean.getBoolean("misses"));
                }
            }
        }
    }

    private static double[] values(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(","))
                .mapToDouble(Double::parseDouble).toArray();
    }

    private static int report(String name, List<InkNumberWriter.Written> numbers, Weights weights,
                              DigitScorer scorer, boolean misses) throws RecognitionException {
        return report(name, numbers, new InkNumberReader(InputLimits.DEFAULT, weights), scorer, null, misses);
    }

    private static int report(String name, List<InkNumberWriter.Written> numbers, InkNumberReader reader,
                              DigitScorer scorer, LineScorer lineReader, boolean misses) throws RecognitionException {
        int right = 0;
        Map<InkNumberWriter.Spacing, int[]> bySpacing = new EnumMap<>(InkNumberWriter.Spacing.class);
        List<String> missed = new ArrayList<>();
        for (InkNumberWriter.Written n : numbers) {
            StringBuilder read = new StringBuilder();
            for (ScoredRegion r : reader.read(n.ink(), scorer, lineReader)) {
                int label = 0;
                for (int l = 1; l < r.probabilities().length; l++) {
                    label = r.probabilities()[l] > r.probabilities()[label] ? l : label;
                }
                read.append(label);
            }
            boolean ok = read.toString().equals(n.text());
            right += ok ? 1 : 0;
            int[] s = bySpacing.computeIfAbsent(n.spacing(), k -> new int[2]);
            s[0] += ok ? 1 : 0;
            s[1]++;
            if (!ok) {
                missed.add(n.spacing() + " " + n.text() + " as " + read);
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-60s %d/%d", name, right,
                numbers.size()));
        bySpacing.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s %d/%d", k, v[0], v[1])));
        System.out.println(line);
        if (misses) {
            missed.forEach(m -> System.out.println("  " + m));
        }
        return right;
    }
}
