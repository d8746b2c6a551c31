package io.mathsketch.engine.cli;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.mnist.CommittedSubset;
import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code evaluate <model-folder>}: runs every digit of the committed MNIST subset through the model, as already-centred
 * pixels, and prints accuracy and the confusion matrix.
 */
final class EvaluateCommand {

    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws CliArguments.UsageException, IOException, ModelLoadException,
            RecognitionException {
        CliArguments a = CliArguments.parse(args, Set.of("engine", "device", "subset", "threads"), Set.of());
        if (a.positional().size() != 1) {
            throw new CliArguments.UsageException("evaluate takes exactly one model folder");
        }
        Path folder = Path.of(a.positional().getFirst()).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new CliArguments.UsageException("no such model folder: " + folder);
        }
        Path subset = a.option("subset").map(Path::of).orElse(Cli.findUpwards(CommittedSubset.FOLDER));
        MnistImages images = IdxFile.readImages(subset.resolve(CommittedSubset.IMAGES));
        MnistLabels labels = IdxFile.readLabels(subset.resolve(CommittedSubset.LABELS));
        if (images.count() == 0 || images.count() != labels.count()) {
            throw new CliArguments.UsageException(subset + " holds " + images.count() + " images and "
                    + labels.count() + " labels: not a usable evaluation set");
        }
        String name = folder.getFileName().toString();
        try (DjlRecognizer recognizer = DjlRecognizer.open(Cli.config(folder.getParent(), name, a))) {
            List<String> modelLabels = recognizer.models().getFirst().labels();
            ConfusionMatrix matrix = new ConfusionMatrix(modelLabels);
            long start = System.nanoTime();
            Recognition last = null;
            for (int i = 0; i < images.count(); i++) {
                last = recognizer.recognize(RecognitionRequest.digit(
                        new RecognitionRequest.Input.Pixels(images.digit(i).pixels())));
                int actual = modelLabels.indexOf(Integer.toString(labels.label(i)));
                if (actual < 0) {
                    throw new CliArguments.UsageException("model labels " + modelLabels + " have no '"
                            + labels.label(i) + "': it is not an MNIST digit model");
                }
                matrix.add(actual, last.digits().getFirst().index());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("model %s on %s %s: %d digits of %s%n", last.model(), last.engine(), last.device(),
                    matrix.total(), subset);
            out.printf("accuracy %.4f (%d errors), %.0f digits/s one at a time%n", matrix.accuracy(),
                    Math.round(matrix.total() * (1 - matrix.accuracy())), matrix.total() / seconds);
            out.print(matrix.render());
        }
        return 0;
    }
}
