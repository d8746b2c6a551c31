package io.mathsketch.training.candidates;

/**
 * One candidate classifier as {@link CandidateTrainer} trains it.
 *
 * @param architecture the network ({@code io.mathsketch.engine.model.CnnArchitectures})
 * @param version      the model version written to its folder
 * @param labelling    its examples' rule, labels included
 * @param words        how its console lines, ONNX metadata, manifest and model card speak of it
 */
public record CandidateModel(String architecture, String version, CandidateLabelling labelling, CandidateWords words) {
}
