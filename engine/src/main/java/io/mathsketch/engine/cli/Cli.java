package io.mathsketch.engine.cli;

import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InvalidConfigException;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The engine's command line: {@code recognize} reads one image file, {@code evaluate} scores a model folder on the
 * committed MNIST subset. Run it with {@code ./mvnw -q -pl engine compile exec:java -Dexec.args="..."} (see README).
 */
public final class Cli {

    /** Command-line option for each engine configuration key it sets, for error messages. */
    private static final Map<String, String> OPTIONS = Map.of(EngineConfig.INTRA_OP_THREADS.name(), "threads",
            EngineConfig.NAME.name(), "engine", EngineConfig.DEVICE.name(), "device");

    static final String USAGE = """
            usage:
              recognize <image-file> [--models-dir DIR] [--model NAME[:VERSION]] [--engine OnnxRuntime|PyTorch]
                                     [--device cpu|gpu|auto] [--threads N] [--number | --expression]
              evaluate <model-folder> [--engine OnnxRuntime|PyTorch] [--device cpu|gpu|auto] [--threads N]
                                      [--subset DIR]
            """;

    private Cli() {
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs one command, or prints the usage for {@code --help}; returns the process exit code (0 success, 1 failure,
     * 2 wrong usage).
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        if (List.of("--help", "-h", "help").contains(args.getFirst())) {
            // Asked for (README names it): the usage on standard output, and success.
            out.print(USAGE);
            return 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.getFirst()) {
                case "recognize" -> new RecognizeCommand(out).run(rest);
                case "evaluate" -> new EvaluateCommand(out).run(rest);
                default -> throw new CliArguments.UsageException("unknown command '" + args.getFirst() + "'");
            };
        } catch (CliArguments.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ModelLoadException | RecognitionException | IOException e) {
            err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** A configuration for one-shot command-line use: one worker, no batching delay. */
    static EngineConfig config(Path modelsDirectory, String model, CliArguments a) throws CliArguments.UsageException {
        try {
            EngineConfig.Builder config = EngineConfig.builder().modelsDirectory(modelsDirectory).model(model)
                    .workers(1).batching(Batching.builder().queueCapacity(4096).build());
            a.option("threads").map(EngineConfig.INTRA_OP_THREADS::parse).ifPresent(config::intraOpThreads);
            a.option("engine").ifPresent(config::engine);
            a.option("device").ifPresent(config::device);
            return config.build();
        } catch (InvalidConfigException e) {
            throw new CliArguments.UsageException("--" + OPTIONS.getOrDefault(e.key(), e.key()) + ": '" + e.value()
                    + "' is not " + e.expected());
        }
    }

    /** {@code relative} in the working directory or the nearest parent that has it (the repository root). */
    static Path findUpwards(String relative) throws CliArguments.UsageException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new CliArguments.UsageException("no '" + relative + "' folder here or above: pass its location");
    }
}
