package io.mathsketch.training;

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

/** Opens a model folder that training wrote ({@code .params} + manifest) in DJL's PyTorch engine, to measure or fine-tune it. */
public final class ModelFolderLoader {

    private ModelFolderLoader() {
    }

    public static ModelManifest manifest(Path folder) throws ModelLoadException {
        return ManifestReader.read(folder.resolve(ModelFolder.MANIFEST));
    }

    /** The folder's DJL parameters with the block rebuilt from the manifest's architecture; the caller closes it. */
    public static Model load(Path folder) throws IOException, MalformedModelException, ModelLoadException {
        ModelManifest manifest = manifest(folder);
        Model model = Model.newInstance(manifest.name(), Device.cpu(), TrainCommand.ENGINE);
        try {
            model.setBlock(CnnArchitectures.build(manifest.architecture().orElseThrow(
                    () -> new ModelLoadException(folder + ": the manifest names no architecture to rebuild"))));
            model.load(folder, manifest.name());
            return model;
        } catch (IOException | MalformedModelException | ModelLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
