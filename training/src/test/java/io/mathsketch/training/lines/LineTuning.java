package io.mathsketch.training.lines;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.number.CtcScore;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.training.InputNormalization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tuning aid for the line reader, never run by the build ({@code LineTuning modelFolder committedScores count
 * [first]}): reads numbers {@code first..first+count-1} of {@link NumberConfig#TUNING} with a trained line reader
 * (DJL parameters, PyTorch) and compares, per kind, the committed number mode's readings (the misses listed by
 * corpus {@code NumberScore}'s output, every other number read right), the line reader's best path, and the
 * committed reading replaced by the best path when the line reader's CTC log-probability of it exceeds that of the
 * committed reading by more than a margin (several margins tried).
 */
final class LineTuning {

    private static final double[] MARGINS = {0, 0.5, 1, 2, 3, 4, 6, 8, 12, 16};
    private static final Pattern MISS = Pattern.compile("^\\s*#(\\d+) read (\\d*): ");

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Map<Integer, String> committedMisses = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            Matcher m = MISS.matcher(line);
            if (m.find()) {
                committedMisses.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        int count = Integer.parseInt(args[2]), first = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path mnist = MnistSubset.folder().resolveSibling("mnist-test");
        MnistImages images = IdxFile.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz"));
        MnistLabels labels = IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz"));
        NumberWriter writer = new NumberWriter(NumberConfig.TUNING, images, labels);
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        LineCentering centering = new LineCentering();
        Map<NumberKind, int[]> byKind = new EnumMap<>(NumberKind.class);
        // Per kind: committed, best path, either, then one per margin.
        int columns = 3 + MARGINS.length;
        try (Model model = Model.newInstance(folder.getFileName().toString(), "PyTorch")) {
            model.setBlock(CnnArchitectures.build(CnnArchitectures.MATHSKETCH_CNN_V1_LINES));
            model.load(folder, folder.getFileName().toString());
            for (int i = first; i < first + count; i++) {
                WrittenNumber number = writer.number(i);
                String truth = number.text();
                String committed = committedMisses.getOrDefault(i, truth);
                float[][] logits = read(model, preprocessor, centering, number);
                float[][] logp = CtcScore.logSoftmax(logits);
                String best = CtcScore.bestPath(logits, null);
                double margin = committed.isEmpty() ? Double.POSITIVE_INFINITY
                        : CtcScore.logProbability(logp, best) - CtcScore.logProbability(logp, committed);
                int[] c = byKind.computeIfAbsent(number.kind(), k -> new int[columns]);
                c[0] += committed.equals(truth) ? 1 : 0;
                c[1] += best.equals(truth) ? 1 : 0;
                c[2] += committed.equals(truth) || best.equals(truth) ? 1 : 0;
                for (int m = 0; m < MARGINS.length; m++) {
                    String chosen = margin > MARGINS[m] ? best : committed;
                    c[3 + m] += chosen.equals(truth) ? 1 : 0;
                }
                if (!committed.equals(truth) || !best.equals(truth)) {
                    System.out.printf("#%d %s %s: committed %s, line reader %s, margin %.2f%n", i, truth,
                            number.kind(), committed, best, margin);
                }
            }
        }
        int[] all = new int[columns];
        byKind.forEach((kind, c) -> {
            System.out.printf("%-9s %s%n", kind, row(c));
            for (int k = 0; k < columns; k++) {
                all[k] += c[k];
            }
        });
        System.out.printf("%-9s %s%n", "all", row(all));
        StringBuilder head = new StringBuilder("columns: committed, line reader, either");
        for (double m : MARGINS) {
            head.append(", margin ").append(m);
        }
        System.out.println(head);
    }

    private static String row(int[] c) {
        StringBuilder b = new StringBuilder();
        for (int v : c) {
            b.append(String.format("%6d", v));
        }
        return b.toString();
    }

    static float[][] read(Model model, ImagePreprocessor preprocessor, LineCentering centering, WrittenNumber number)
            throws RecognitionException {
        float[] field = centering.center(preprocessor.lineCrop(number.png(), 1 << 20).ink());
        InputNormalization n = InputNormalization.MNIST;
        for (int k = 0; k < field.length; k++) {
            field[k] = (field[k] - n.mean()) / n.std();
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(field, new Shape(1, 1, LineCentering.HEIGHT, LineCentering.WIDTH));
            NDArray y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            return LineTrainCommand.steps(y.toFloatArray(), 0);
        }
    }
}
