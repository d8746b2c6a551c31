package io.mathsketch.training;

import ai.djl.Model;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.training.augment.DigitAugmenter;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Measures whether training is bit-for-bit reproducible on this machine with the run's settings: trains the same
 * short run (one epoch on the first 2,000 digits) twice from the same seed and compares the saved parameter files.
 */
public final class DeterminismCheck {

    private static final int IMAGES = 2_000;

    private final TrainingOptions options;
    private final DigitAugmenter augmenter;

    public DeterminismCheck(TrainingOptions options, DigitAugmenter augmenter) {
        this.options = options;
        this.augmenter = augmenter;
    }

    /** A sentence describing the outcome, for the model card. */
    public String run(MnistData data) throws IOException {
        MnistData small = new MnistData(data.trainImages().first(Math.min(IMAGES, data.trainImages().count())),
                data.trainLabels().first(Math.min(IMAGES, data.trainLabels().count())),
                data.testImages().first(Math.min(500, data.testImages().count())),
                data.testLabels().first(Math.min(500, data.testLabels().count())));
        TrainingOptions once = options.shortRun(1);
        String first = trainAndHash(small, once);
        String second = trainAndHash(small, once);
        return String.format("two identical 1-epoch runs on %,d digits (seed %d, %d PyTorch thread(s)) produced %s "
                        + "parameter files (SHA-256 %s%s).", small.trainImages().count(), options.seed(),
                options.threads(), first.equals(second) ? "bit-identical" : "DIFFERENT",
                first.substring(0, 16), first.equals(second) ? "" : " vs " + second.substring(0, 16));
    }

    private String trainAndHash(MnistData data, TrainingOptions once) throws IOException {
        Path dir = Files.createTempDirectory("mathsketch-determinism");
        try {
            try (Model model = TrainingSetup.newModel("check", CnnArchitectures.MATHSKETCH_CNN_V1, once.seed())) {
                new MnistTrainer(once, InputNormalization.MNIST, augmenter).train(model, data, TrainingProgress.SILENT);
                model.save(dir, "check");
            }
            return Sha256.of(dir.resolve("check-0000.params"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
