package io.mathsketch.engine.model;

import ai.djl.Device;
import ai.djl.repository.zoo.ZooModel;

/**
 * A model folder loaded into an engine. Closing it frees the engine's native session and weights; predictors made
 * from it must be closed first.
 *
 * @param folder the verified model folder
 * @param model the DJL model
 * @param engine engine name that runs it
 * @param device device it runs on
 */
public record LoadedModel(ModelFolder folder, ZooModel<DigitBatch, float[][]> model, String engine, Device device)
        implements AutoCloseable {

    public ModelManifest manifest() {
        return folder.manifest();
    }

    @Override
    public void close() {
        model.close();
    }
}
