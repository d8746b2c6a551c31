package io.mathsketch.training.pairs;

import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.number.DigitPairs;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.candidates.CandidateModel;
import io.mathsketch.training.candidates.CandidateTrainer;
import io.mathsketch.training.candidates.CandidateTrainingSet;
import io.mathsketch.training.candidates.CandidateWords;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line ({@code scripts/train.sh pairs [options]}), and the words its outputs use: train number mode's pair
 * reader ({@code models/mathsketch-digit-pairs} unless {@code --output} says otherwise), 101 classes: the pairs of
 * digits {@code 00}-{@code 99} and "not two digits", on the candidates {@link PairLabelling} labels among those drawn
 * from the digit verifier's training numbers (MNIST training digits and the training hand); check it on the
 * candidates of the verifier's validation numbers and write the model folder ({@link CandidateTrainer}). Takes the
 * digit trainer's options: augmentation ({@code DigitAugmenter.forPairs()}, off with {@code --no-augment}) distorts
 * half of the candidates each epoch and re-centres them as number mode does; {@code --init-from DIR} starts from a
 * pair reader's parameters; {@code --train-limit N} is the count of training numbers (default
 * {@value CandidateTrainer#NUMBERS}).
 */
public final class PairTrainCommand implements CandidateWords {

    private static final String ARCHITECTURE = CnnArchitectures.MATHSKETCH_CNN_V1_PAIRS;
    static final Path DEFAULT_OUTPUT = Path.of("models/mathsketch-digit-pairs");

    private PairTrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        CandidateTrainer.main(args, PairTrainCommand.class, DEFAULT_OUTPUT,
                new CandidateModel(ARCHITECTURE, "1.1.0", new PairLabelling(), new PairTrainCommand()));
    }

    @Override
    public String noneName() {
        return "not two digits";
    }

    @Override
    public String validationSummary(Evaluation checked) {
        return String.format("pairs %.2f%%, not-two-digits recall %.2f%%", 100 * pairAccuracy(checked),
                100 * checked.classAccuracy(PairLabelling.NOT_TWO_DIGITS));
    }

    @Override
    public String onnxDescription() {
        return "MathSketch digit pair reader: input (N,1,28,28) normalised ink of a pair, output (N,101) logits";
    }

    @Override
    public String manifestDescription() {
        return "Number-mode pair reader (" + ARCHITECTURE + "): a wide candidate read as two touching digits;"
                + " labels 00-99 and 'none' (one digit, a fragment, three digits)";
    }

    @Override
    public String evaluationName() {
        return "pair reader";
    }

    @Override
    public String candidatesSource() {
        return "wide segmentation candidates";
    }

    @Override
    public String cardIntro() {
        return """
                Number mode's pair reader: a candidate that `segment.CandidateSegmenter` proposes, at least 0.4 line \
                heights wide, read as two touching digits. Its ink box is fitted into 28 x 20 pixels keeping the \
                aspect ratio and centred in the 28 x 28 field (`preprocess.PairCentering`). 101 classes: the pairs \
                `00`-`99` (first digit, second digit) and `none` (one digit, a fragment, three digits, a pair and a \
                piece). The reading search may read such a candidate as its best pair, scored by the log of this \
                model's probability of it, beside the readings of single digits by the digit model and the digit \
                verifier; it sees two touching digits whole where no upright cut parts them. The server uses it \
                when it is loaded (by default).
                """;
    }

    @Override
    public String cardTrainingData(int numbers, int candidates, long none) {
        return String.format(Locale.ROOT, "- %,d numbers of `corpus.numbers.NumberWriter` (2-6 digits, the four kinds:"
                + " clean, broken, touching, uneven gaps; half of them numbers i = 0, 2, 4, ... of the set, half"
                + " touching-kind numbers from beyond the count), the digit verifier's set: %s.%n", numbers,
                CandidateTrainingSet.TRAINING_SOURCE)
                + String.format(Locale.ROOT, "- Every candidate at least 0.4 line heights wide that the engine's"
                + " segmenter proposes for them: %,d kept, of which %,d `none`. A candidate is a pair when each side of"
                + " its box is within a tenth of the line height (at least 3 px) of the box of two neighbouring true"
                + " digits together, `none` when it is further than twice that from every such box (30%% of those"
                + " kept, by a seeded draw); in between it is left out.%n", candidates, none)
                + "- Augmented unless the options say `--no-augment`: each epoch half of the candidates are distorted"
                + " (rotation up to 10 degrees, scale 0.8-1.2 per axis, shear, shift, elastic distortion on half of"
                + " those, strokes thickened or thinned) and re-centred by the engine's `PairCentering`; the other half"
                + " are read as drawn.\n";
    }

    @Override
    public String cardValidationDetail(Evaluation checked) {
        return String.format(Locale.ROOT, "; pairs (all 100 classes together) %.2f%% read right",
                100 * pairAccuracy(checked));
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
}
