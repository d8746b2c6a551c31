package io.mathsketch.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.testing.Checkout;
import java.io.IOException;
import java.nio.file.Path;

/** Test access to the committed {@code models/mnist-cnn} folder of this {@link Checkout}. */
final class CommittedModel {

    static final String NAME = "mnist-cnn";

    private CommittedModel() {
    }

    static Path folder() {
        return Checkout.models().resolve(NAME);
    }

    static ModelManifest manifest() throws ModelLoadException {
        return ModelFolderLoader.manifest(folder());
    }

    /** The committed DJL parameters in the PyTorch engine, as training opens a folder it wrote. */
    static Model pyTorch() throws IOException, MalformedModelException, ModelLoadException {
        return ModelFolderLoader.load(folder());
    }
}
