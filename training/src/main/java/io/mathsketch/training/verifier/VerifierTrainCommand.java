package io.mathsketch.training.verifier;

import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.candidates.CandidateModel;
import io.mathsketch.training.candidates.CandidateTrainer;
import io.mathsketch.training.candidates.CandidateTrainingSet;
import io.mathsketch.training.candidates.CandidateWords;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Command line ({@code scripts/train.sh verifier [options]}), and the words its outputs use: train the digit verifier
 * ({@code models/mathsketch-digit-verifier} unless {@code --output} says otherwise), 11 classes: the ten digits and
 * "not one digit", on the candidates {@link VerifierLabelling} labels among those drawn from numbers written with
 * MNIST training digits and the training hand; check it on candidates of other numbers (MNIST training digits
 * 50,000-59,999, the training hand re-seeded) and write the model folder ({@link CandidateTrainer}). Takes the digit
 * trainer's options; {@code --train-limit N} is the count of training numbers (default
 * {@value CandidateTrainer#NUMBERS}).
 */
public final class VerifierTrainCommand implements CandidateWords {

    private static final String ARCHITECTURE = CnnArchitectures.MATHSKETCH_CNN_V1_VERIFIER;
    static final Path DEFAULT_OUTPUT = Path.of("models/mathsketch-digit-verifier");

    private VerifierTrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        CandidateTrainer.main(args, VerifierTrainCommand.class, DEFAULT_OUTPUT,
                new CandidateModel(ARCHITECTURE, "1.0.0", new VerifierLabelling(), new VerifierTrainCommand()));
    }

    @Override
    public String noneName() {
        return "not one digit";
    }

    @Override
    public String validationSummary(Evaluation checked) {
        return String.format("not-one-digit recall %.2f%%",
                100 * checked.classAccuracy(VerifierLabelling.NOT_ONE_DIGIT));
    }

    @Override
    public String onnxDescription() {
        return "MathSketch digit verifier: input (N,1,28,28) normalised ink, output (N,11) logits";
    }

    @Override
    public String manifestDescription() {
        return "Number-mode segmentation verifier (" + ARCHITECTURE + "): is a candidate one whole digit, and"
                + " which; labels 0-9 and 'none' (a fragment, a merged pair, a sliver)";
    }

    @Override
    public String evaluationName() {
        return "verifier";
    }

    @Override
    public String candidatesSource() {
        return "segmentation candidates";
    }

    @Override
    public String cardIntro() {
        return """
                Number mode's segmentation verifier: for a candidate digit that `segment.CandidateSegmenter` proposes \
                (centred the MNIST way), is it one whole digit, and which. 11 classes: the digits `0`-`9` and `none` \
                (a fragment of a digit, two touching digits taken as one, a sliver cut off a stroke). The digit model \
                (`mnist-cnn`) stays the reader: the reading search adds the log of the verifier's probability of the \
                digit the digit model reads in the candidate (one whole digit, and that one) to each candidate's \
                score, when the server loads this model beside it \
                (`ENGINE_MODELS=mnist-cnn,mathsketch-digit-verifier`).
                """;
    }

    @Override
    public String cardTrainingData(int numbers, int candidates, long none) {
        return String.format(Locale.ROOT, "- %,d numbers of `corpus.numbers.NumberWriter` (2-6 digits, the four kinds:"
                + " clean, broken, touching, uneven gaps), %s.%n", numbers, CandidateTrainingSet.TRAINING_SOURCE)
                + String.format(Locale.ROOT, "- Every candidate the engine's segmenter proposes for them: %,d, of which"
                + " %,d `none`. A candidate is its digit when each side of its box is within a tenth of the line height"
                + " (at least 3 px) of a true digit's box, `none` when it is further than twice that from every true"
                + " digit; in between it is left out.%n", candidates, none)
                + "- Augmented as the digit model is (half as stored, half rotated/scaled/sheared/thickened and"
                + " re-centred).\n";
    }

    /** Each class's recall, the ten digits' and {@code none}'s. */
    @Override
    public String cardClassRecalls(Evaluation checked) {
        StringBuilder b = new StringBuilder("| class | recall |\n|---|---:|\n");
        List<String> labels = VerifierLabelling.LABELS;
        for (int c = 0; c < labels.size(); c++) {
            b.append(String.format(Locale.ROOT, "| %s | %.2f%% |%n", labels.get(c), 100 * checked.classAccuracy(c)));
        }
        return b.append(String.format(Locale.ROOT, "%n")).toString();
    }
}
