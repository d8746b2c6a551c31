/**
 * Model folders and their loading: {@link io.mathsketch.engine.model.ManifestReader} validates {@code manifest.json},
 * {@link io.mathsketch.engine.model.ModelFolder} picks the artifact for the configured engine and verifies the SHA-256
 * of every file, {@link io.mathsketch.engine.model.EngineResolver} and {@link io.mathsketch.engine.model.DeviceSelector}
 * decide engine and device, {@link io.mathsketch.engine.model.ModelLoader} loads through DJL {@code Criteria}, and
 * {@link io.mathsketch.engine.model.DigitTranslator} converts digits to the tensor the manifest describes (polarity,
 * mean/std, layout) and logits or probabilities back to probabilities, in plain Java arrays. One floor above
 * {@code number}: the line reader is loaded to the labels and the field that number mode defines
 * ({@code CtcScore}, {@code LineCentering}); {@code number} itself reads through its scorer interfaces only.
 */
package io.mathsketch.engine.model;
