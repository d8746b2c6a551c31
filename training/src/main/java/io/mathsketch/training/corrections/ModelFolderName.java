package io.mathsketch.training.corrections;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.training.ModelFolderLoader;
import java.nio.file.Path;

/** The name of the model in a folder, from its manifest. */
final class ModelFolderName {

    private ModelFolderName() {
    }

    static String of(Path folder) {
        try {
            return ModelFolderLoader.manifest(folder).name();
        } catch (ModelLoadException e) {
            throw new IllegalArgumentException("--model " + folder + " is not a model folder: " + e.getMessage(), e);
        }
    }
}
