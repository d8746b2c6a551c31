package io.mathsketch.training;

import io.mathsketch.engine.testing.Checkout;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ManifestReader;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelManifest;
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
        return ManifestReader.read(folder().resolve(ModelFolder.MANIFEST));
    }

    /** The committed DJL parameters in the PyTorch engine, with the block rebuilt from its architecture name. */
    static Model pyTorch() throws IOException, MalformedModelException, ModelLoadException {
        Model model = Model.newInstance(NAME, Device.cpu(), "PyTorch");
        try {
            model.setBlock(CnnArchitectures.build(manifest().architecture().orElseThrow()));
            model.load(folder(), NAME);
            return model;
        } catch (IOException | MalformedModelException | ModelLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
