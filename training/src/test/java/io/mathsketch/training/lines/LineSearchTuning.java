package io.mathsketch.training.lines;

import ai.djl.Model;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.number.DigitScorer;
import io.mathsketch.engine.number.LineScorer;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.engine.segment.ReadingSearch.Weights;
import io.mathsketch.engine.testing.Checkout;
import io.mathsketch.training.InputNormalization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tuning aid for the line reader in the reading search, never run by the build ({@code LineSearchTuning modelFolder
 * count [first]}; {@code -Dweights}, {@code -Dreadings} and {@code -Dmargins} the values tried, comma-separated):
 * reads numbers {@code first..first+count-1} of {@link NumberConfig#TUNING} with the committed digit model, digit
 * verifier and pair reader (each candidate scored once) and a trained line reader (DJL parameters, PyTorch; each line
 * read once), and prints how many numbers number mode reads exactly, per kind, at each line weight, count of readings
 * rescored and margin by which the line reader's own reading must be likelier than the chosen one to be answered
 * ({@code Infinity}: never; weight 0 is the setup without the line reader); {@code -Ddump} prints instead, per number,
 * what a rule on that margin may use. {@code -Dset=test} reads {@link NumberConfig#TEST} instead, the held-out set of
 * {@code NumberQualityTest}, to be read once with the settings chosen on the tuning set.
 */
final class LineSearchTuning {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int count = Integer.parseInt(args[1]), first = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        double[] weights = values("weights", "0,0.25,0.5,1,2");
        double[] readings = values("readings", "8");
        double[] margins = values("margins", "Infinity");
        Path mnist = MnistSubset.folder().resolveSibling("mnist-test");
        // -Dset=test reads the held-out set of NumberQualityTest instead: once, after tuning, never to choose by.
        NumberConfig set = "test".equals(System.getProperty("set")) ? NumberConfig.TEST : NumberConfig.TUNING;
        NumberWriter writer = new NumberWriter(set,
                IdxFile.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz")),
                IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz")));
        List<WrittenNumber> numbers = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            numbers.add(writer.number(i));
        }
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        Map<String, float[][]> memo = new HashMap<>();
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models())
                .models(List.of("mnist-cnn", "mathsketch-digit-verifier", "mathsketch-digit-pairs")).workers(1)
                .batching(Batching.builder().queueCapacity(64).build()).build());
             Model line = Model.newInstance(folder.getFileName().toString(), "PyTorch")) {
            line.setBlock(CnnArchitectures.build(CnnArchitectures.MATHSKETCH_CNN_V1_LINES));
            line.load(folder, folder.getFileName().toString());
            if (System.getProperty("dump") != null) {
                dump(numbers, first, preprocessor, recognizer, line, memo);
                return;
            }
            for (double n : readings) {
                for (double w : weights) {
                    for (double m : margins) {
                        Weights chosen = Weights.DEFAULT.with(11, w).with(12, n).with(13, m);
                        System.out.printf("readings %d, line weight %.2f, margin %.2f: %s%n", (int) n, w, m,
                                score(numbers, first, preprocessor, chosen, recognizer, line, memo, w > 0));
                    }
                }
            }
        }
    }

    /**
     * {@code -Ddump}: per number, tab-separated, the reading answered without the line reader's own reading and the
     * one answered whenever it differs and has regions, each with the line reader's log-probability of its digits
     * and the least and summed log winning probabilities of its digits: what a rule on when to answer it may use.
     */
    private static void dump(List<WrittenNumber> numbers, int first, ImagePreprocessor preprocessor,
                             DjlRecognizer recognizer, Model line, Map<String, float[][]> memo) {
        NumberReader never = new NumberReader(preprocessor, InputLimits.DEFAULT, Weights.DEFAULT.with(13,
                Double.POSITIVE_INFINITY));
        NumberReader always = new NumberReader(preprocessor, InputLimits.DEFAULT, Weights.DEFAULT.with(13,
                Double.NEGATIVE_INFINITY));
        System.out.println("i\tkind\ttruth\tchosen\tctcChosen\tminChosen\tsumChosen\touter\tctcOuter\tminOuter"
                + "\tsumOuter\tbestPath");
        for (int i = 0; i < numbers.size(); i++) {
            WrittenNumber n = numbers.get(i);
            StringBuilder row = new StringBuilder((first + i) + "\t" + n.kind() + "\t" + n.text());
            try {
                for (NumberReader reader : List.of(never, always)) {
                    List<ScoredRegion> read = reader.read(n.png(), scorer(recognizer, memo, i, "mnist-cnn"),
                            scorer(recognizer, memo, i, "mathsketch-digit-verifier"),
                            scorer(recognizer, memo, i, "mathsketch-digit-pairs"), lineScorer(line, memo, i, n));
                    StringBuilder text = new StringBuilder();
                    double min = 1, sum = 0;
                    for (ScoredRegion r : read) {
                        int d = DigitReading.winner(r.probabilities());
                        text.append(d);
                        min = Math.min(min, r.probabilities()[d]);
                        sum += Math.log(r.probabilities()[d]);
                    }
                    float[][] steps = io.mathsketch.engine.number.CtcScore.logSoftmax(memo.get("line#" + i));
                    row.append(String.format("\t%s\t%.4f\t%.4f\t%.4f", text,
                            io.mathsketch.engine.number.CtcScore.logProbability(steps, text.toString()), min, sum));
                }
                row.append("\t").append(io.mathsketch.engine.number.CtcScore.bestPath(memo.get("line#" + i),
                        null));
            } catch (RecognitionException e) {
                row.append("\t").append(e.getClass().getSimpleName());
            }
            System.out.println(row);
        }
    }

    private static double[] values(String name, String defaults) {
        return Arrays.stream(System.getProperty(name, defaults).split(",")).mapToDouble(Double::parseDouble)
                .toArray();
    }

    private static String score(List<WrittenNumber> numbers, int first, ImagePreprocessor preprocessor,
                                Weights weights, DjlRecognizer recognizer, Model line, Map<String, float[][]> memo,
                                boolean withLine) {
        NumberReader reader = new NumberReader(preprocessor, InputLimits.DEFAULT, weights);
        Map<NumberKind, int[]> byKind = new EnumMap<>(NumberKind.class);
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            WrittenNumber n = numbers.get(i);
            String read;
            try {
                StringBuilder text = new StringBuilder();
                for (ScoredRegion r : reader.read(n.png(), scorer(recognizer, memo, i, "mnist-cnn"),
                        scorer(recognizer, memo, i, "mathsketch-digit-verifier"),
                        scorer(recognizer, memo, i, "mathsketch-digit-pairs"),
                        withLine ? lineScorer(line, memo, i, n) : null)) {
                    text.append(DigitReading.winner(r.probabilities()));
                }
                read = text.toString();
            } catch (RecognitionException e) {
                read = e.getClass().getSimpleName();
            }
            boolean ok = read.equals(n.text());
            right += ok ? 1 : 0;
            if (!ok && Boolean.getBoolean("misses")) {
                misses.add("#" + (first + i) + " " + n.text() + " " + n.kind() + " read " + read);
            }
            int[] k = byKind.computeIfAbsent(n.kind(), x -> new int[2]);
            k[0] += ok ? 1 : 0;
            k[1]++;
        }
        StringBuilder b = new StringBuilder(right + "/" + numbers.size());
        byKind.forEach((kind, k) -> b.append(String.format(" %s %d/%d", kind, k[0], k[1])));
        misses.forEach(m -> b.append("\n    ").append(m));
        return b.toString();
    }

    private static LineScorer lineScorer(Model line, Map<String, float[][]> memo, int i, WrittenNumber n) {
        return field -> memo.computeIfAbsent("line#" + i, key -> {
            float[] x = field.clone();
            InputNormalization norm = InputNormalization.MNIST;
            for (int k = 0; k < x.length; k++) {
                x[k] = (x[k] - norm.mean()) / norm.std();
            }
            try (ai.djl.ndarray.NDManager manager = line.getNDManager().newSubManager()) {
                ai.djl.ndarray.NDArray in = manager.create(x, new ai.djl.ndarray.types.Shape(1, 1,
                        LineCentering.HEIGHT, LineCentering.WIDTH));
                return LineTrainCommand.steps(line.getBlock().forward(new ai.djl.training.ParameterStore(manager,
                        false), new ai.djl.ndarray.NDList(in), false).singletonOrThrow().toFloatArray(), 0);
            }
        });
    }

    private static DigitScorer scorer(DjlRecognizer recognizer, Map<String, float[][]> memo, int i, String model) {
        return digits -> {
            // Keyed by the images too: number mode may score other images of the number than its candidates.
            String key = model + "#" + i + "#" + digits.stream().mapToInt(d -> Arrays.hashCode(d.pixels()))
                    .boxed().toList().hashCode();
            float[][] known = memo.get(key);
            if (known != null && known.length == digits.size()) {
                return known;
            }
            float[][] read = new float[digits.size()][];
            for (int k = 0; k < read.length; k++) {
                read[k] = read(recognizer, digits.get(k), model);
            }
            memo.put(key, read);
            return read;
        };
    }

    private static float[] read(DjlRecognizer recognizer, DigitImage image, String model) throws RecognitionException {
        try {
            return recognizer.recognize(new RecognitionRequest(new RecognitionRequest.Input.Pixels(image.pixels()),
                    Optional.of(model), RecognitionRequest.Mode.DIGIT)).digits().getFirst().probabilities();
        } catch (RecognitionException.BlankImage e) {
            int labels = recognizer.models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow()
                    .labels().size();
            return new float[labels];
        }
    }
}
