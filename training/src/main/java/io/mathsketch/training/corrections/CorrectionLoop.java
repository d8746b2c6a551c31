package io.mathsketch.training.corrections;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.training.EpochResult;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.Evaluator;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.MnistTrainer;
import io.mathsketch.training.ModelFolderLoader;
import io.mathsketch.training.TrainingOptions;
import io.mathsketch.training.TrainingProgress;
import io.mathsketch.training.augment.DigitAugmenter;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.styles.FixedTestSets;
import io.mathsketch.training.styles.StyledSample;
import io.mathsketch.training.styles.StyledVariants;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One round of learning from corrections: fine-tunes the current model on MNIST + style variants + the training part
 * of the corrections (weighted, capped), measures old and new on every fixed test set and on the held-out
 * corrections, and accepts the new model only when no fixed test set gets worse by more than {@link #MAX_DROP}.
 * Writing the accepted model is the caller's ({@link LearnCommand}); this class decides.
 */
public final class CorrectionLoop {

    /** The largest drop (as a share: 0.001 = 0.1 point) any fixed test set may show for a new version to be written. */
    public static final double MAX_DROP = 0.001;

    private final Evaluator evaluator = new Evaluator(InputNormalization.MNIST);

    /**
     * What the fine-tune is trained on and measured against.
     *
     * @param mnist       MNIST training digits (the test digits are in {@code fixed})
     * @param styled      style-variant drawings for the mixture
     * @param corrections the exported corrections, before the split
     * @param fixed       the fixed test sets
     */
    public record Inputs(MnistData mnist, List<StyledSample> styled, CorrectionSet corrections, FixedTestSets fixed) {
    }

    /**
     * @param training    the fine-tune's settings (epochs, learning rate, seed, threads)
     * @param weight      copies of each correction
     * @param maxShare    the corrections' largest share of the mixture
     * @param heldOutShare share of the corrections held out
     */
    public record Settings(TrainingOptions training, int weight, double maxShare, double heldOutShare) {
    }

    /** One fixed set's accuracy before and after. */
    public record Comparison(String set, double before, double after, boolean gated) {

        public double change() {
            return after - before;
        }

        public boolean worse() {
            return gated && after < before - MAX_DROP - 1e-12;
        }
    }

    /**
     * The round's results. The caller owns and closes {@code candidate}.
     *
     * @param base            the current model's manifest
     * @param newVersion      the version the new model gets
     * @param split           the corrections used for training and those held out
     * @param mixture         how the training corrections entered the mixture
     * @param mixtureImages   images per epoch
     * @param before          the current model on the fixed sets
     * @param after           the new model on the fixed sets
     * @param correctionsBefore the current model on the held-out corrections (empty when none are held out)
     * @param correctionsAfter  the new model on them
     * @param trainingCorrectionsBefore the current model on the corrections the new one trains on
     * @param trainingCorrectionsAfter the new model on them
     * @param epochs          the fine-tune's epochs
     * @param candidate       the fine-tuned model
     */
    public record Outcome(ModelManifest base, String newVersion, CorrectionSet.Split split, CorrectionMixture mixture,
                          int mixtureImages, FixedTestSets.Results before, FixedTestSets.Results after,
                          Optional<Evaluation> correctionsBefore, Optional<Evaluation> correctionsAfter,
                          Evaluation trainingCorrectionsBefore, Evaluation trainingCorrectionsAfter,
                          List<EpochResult> epochs, Model candidate) {

        public List<Comparison> comparisons() {
            return List.of(
                    new Comparison("MNIST test", before.mnist().accuracy(), after.mnist().accuracy(), true),
                    new Comparison("held-out style variants", before.styles().accuracy(),
                            after.styles().accuracy(), true));
        }

        /** True when no fixed test set got worse by more than {@link #MAX_DROP}. */
        public boolean accepted() {
            return comparisons().stream().noneMatch(Comparison::worse);
        }
    }

    public Outcome run(Path current, Inputs in, Settings settings) throws IOException, MalformedModelException,
            ModelLoadException {
        ModelManifest base = ModelFolderLoader.manifest(current);
        CorrectionSet.Split split = in.corrections().split(settings.heldOutShare());
        int baseImages = in.mnist().trainImages().count() + in.styled().size();
        CorrectionMixture mixture = CorrectionMixture.of(split.train().size(), baseImages, settings.weight(),
                settings.maxShare());
        CorrectionSet weighted = mixture.apply(split.train());
        MnistData data = in.mnist()
                .withMoreTraining(StyledVariants.images(in.styled()), StyledVariants.labels(in.styled()))
                .withMoreTraining(weighted.images(), weighted.labels());

        FixedTestSets.Results before;
        Optional<Evaluation> correctionsBefore;
        Evaluation trainedBefore;
        try (Model old = ModelFolderLoader.load(current)) {
            before = in.fixed().measure(evaluator, old);
            correctionsBefore = measure(old, split.heldOut());
            trainedBefore = measure(old, split.train()).orElse(new Evaluation(new long[10][10]));
        }

        Engine.getEngine("PyTorch").setRandomSeed(settings.training().seed());
        Model candidate = ModelFolderLoader.load(current);
        try {
            List<EpochResult> epochs = new MnistTrainer(settings.training(), InputNormalization.MNIST,
                    new DigitAugmenter(new MnistCentering())).train(candidate, data, TrainingProgress.SILENT);
            keepRunningStatistics(current, candidate);
            FixedTestSets.Results after = in.fixed().measure(evaluator, candidate);
            Optional<Evaluation> correctionsAfter = measure(candidate, split.heldOut());
            Evaluation trained = measure(candidate, split.train()).orElse(new Evaluation(new long[10][10]));
            return new Outcome(base, nextVersion(base.version()), split, mixture, data.trainImages().count(), before,
                    after, correctionsBefore, correctionsAfter, trainedBefore, trained, epochs, candidate);
        } catch (RuntimeException e) {
            candidate.close();
            throw e;
        }
    }

    /**
     * Puts the base model's batch-norm running statistics back. A short fine-tune sees a few hundred batches of a
     * different mixture, and momentum replaces the statistics the base gathered over its whole training with those
     * of the last few dozen batches; keeping the base's kept MNIST where it was in our runs.
     */
    private static void keepRunningStatistics(Path current, Model candidate) throws IOException,
            MalformedModelException, ModelLoadException {
        try (Model base = ModelFolderLoader.load(current)) {
            var fresh = candidate.getBlock().getParameters();
            var old = base.getBlock().getParameters();
            for (int i = 0; i < fresh.size(); i++) {
                ai.djl.nn.Parameter p = fresh.valueAt(i);
                if (p.getType() == ai.djl.nn.Parameter.Type.RUNNING_MEAN
                        || p.getType() == ai.djl.nn.Parameter.Type.RUNNING_VAR) {
                    old.valueAt(i).getArray().copyTo(p.getArray());
                }
            }
        }
    }

    private Optional<Evaluation> measure(Model model, CorrectionSet set) {
        if (set.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(evaluator.evaluate(model, i -> set.corrections().get(i).digit(), set.labels()));
    }

    private static final Pattern LAST_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    /** "1.1.0" -> "1.1.1"; a version not ending in a number gets ".1". */
    public static String nextVersion(String version) {
        Matcher m = LAST_NUMBER.matcher(version);
        return m.matches() ? m.group(1) + (Long.parseLong(m.group(2)) + 1) : version + ".1";
    }
}
