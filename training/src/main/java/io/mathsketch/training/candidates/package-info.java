/**
 * What number mode's candidate classifiers (the digit verifier, the pair reader) share: the examples drawn from the
 * engine's own segmentation candidates of written numbers ({@link io.mathsketch.training.candidates.CandidateTrainingSet})
 * and the trainer that fits, checks and exports one ({@link io.mathsketch.training.candidates.CandidateTrainer}). A
 * model differs from the other only by its {@link io.mathsketch.training.candidates.CandidateModel}: network, labelling
 * rule ({@link io.mathsketch.training.candidates.CandidateLabelling}) and words
 * ({@link io.mathsketch.training.candidates.CandidateWords}).
 */
package io.mathsketch.training.candidates;
