/**
 * Model folders and their loading: {@link io.mathsketch.engine.model.ManifestReader} validates {@code manifest.json},
 * {@link io.mathsketch.engine.model.ModelFolder} picks the artifact for the configured engine and verifies the SHA-256
 * of every file, {@link io.mathsketch.engine.model.EngineResolver} and {@link io.mathsketch.engine.model.DeviceSelector}
 * decide engine and device, {@link io.mathsketch.engine.model.ModelLoader} loads through DJL {@code Criteria}, and
 * {@link io.mathsketch.engine.model.DigitTranslator} converts digits to the tensor the manifest describes (polarity,
 * mean/std, layout) and logits or probabilities back to probabilities, in plain Java arrays.
 */
package io.mathsketch.engine.model;
