package io.mathsketch.training.export;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;

/** Writes a trained model's two artifacts into a model folder: the DJL {@code .params} and the ONNX graph. */
public final class ModelExporter {

    private final ModelFiles folder;

    public ModelExporter(ModelFiles folder) {
        this.folder = folder;
    }

    /**
     * @param provenance key/value pairs stored in the ONNX {@code metadata_props}
     */
    public void write(Model model, Path dir, Map<String, String> provenance) throws IOException {
        write(model, dir, provenance, "MathSketch digit classifier: input (N,1,28,28) normalised ink, output (N,10) logits");
    }

    /** As {@link #write(Model, Path, Map)} with the ONNX graph's own description. */
    public void write(Model model, Path dir, Map<String, String> provenance, String description) throws IOException {
        write(model, dir, provenance, description, new Shape(1, 28, 28));
    }

    /** As {@link #write(Model, Path, Map, String)} for a network whose input (without the batch) is {@code input}. */
    public void write(Model model, Path dir, Map<String, String> provenance, String description, Shape input)
            throws IOException {
        Files.createDirectories(dir);
        if (!(model.getBlock() instanceof SequentialBlock block)) {
            throw new IllegalArgumentException("only sequential blocks can be exported to ONNX");
        }
        // DJL names the file <name>-<epoch>.params and, without an "Epoch" property, counts up from the files already
        // there: pin it so that re-exporting replaces mnist-cnn-0000.params instead of adding mnist-cnn-0001.params.
        model.setProperty("Epoch", "0");
        model.save(dir, folder.name());
        ModelProto onnx = new OnnxExporter(model.getNDManager()).export(block, input,
                Objects.requireNonNullElse(ModelExporter.class.getPackage().getImplementationVersion(), "dev"),
                description, provenance);
        Path temp = dir.resolve(folder.onnxFile() + ".part");
        Files.write(temp, onnx.toByteArray());
        Files.move(temp, dir.resolve(folder.onnxFile()), StandardCopyOption.REPLACE_EXISTING);
    }
}
