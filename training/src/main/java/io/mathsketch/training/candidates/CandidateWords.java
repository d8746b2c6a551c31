package io.mathsketch.training.candidates;

import io.mathsketch.training.Evaluation;

/** How {@link CandidateTrainer}'s console lines, ONNX metadata, manifest and model card speak of one model. */
public interface CandidateWords {

    /** What a {@code none} candidate is, in the console's count of them ("not one digit"). */
    String noneName();

    /** The console's validation results after the candidates' accuracy ("not-one-digit recall 97.10%"). */
    String validationSummary(Evaluation checked);

    /** The ONNX file's description: input and output. */
    String onnxDescription();

    /** The manifest's description of the model. */
    String manifestDescription();

    /** Whose validation candidates the manifest's evaluation names ("verifier"). */
    String evaluationName();

    /** What the examples are, in the provenance's data source ("segmentation candidates"). */
    String candidatesSource();

    /** The model card's opening paragraph: what the model reads and how the engine uses it. */
    String cardIntro();

    /** The model card's training data bullets but the options: the numbers, the candidates, the augmentation. */
    String cardTrainingData(int numbers, int candidates, long none);

    /** Added to the model card's validation sentence before its full stop; empty for nothing. */
    default String cardValidationDetail(Evaluation checked) {
        return "";
    }

    /** The model card's evaluation after the validation sentence; empty for nothing. */
    default String cardClassRecalls(Evaluation checked) {
        return "";
    }
}
