package io.mathsketch.training.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mathsketch.training.InputNormalization;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code manifest.json}, the contract between training and the engine: artifacts with their SHA-256, input
 * layout, normalisation, ink polarity, output kind, labels and the test-set accuracy.
 */
public final class ManifestWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * @param folder   model folder holding the ONNX and params files
     * @param accuracy accuracy on the 10,000 MNIST test digits
     */
    public String json(Path folder, ModelFolder files, String architecture, InputNormalization normalization,
                       double accuracy) throws IOException {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("name", files.name());
        manifest.addProperty("version", files.version());
        manifest.addProperty("description", "Handwritten digit classifier (MNIST, " + architecture
                + "), trained with DJL/PyTorch on augmented, engine-centred digits");
        manifest.addProperty("architecture", architecture);
        JsonArray artifacts = new JsonArray();
        JsonObject onnx = new JsonObject();
        onnx.addProperty("engine", "OnnxRuntime");
        onnx.addProperty("file", files.onnxFile());
        onnx.addProperty("sha256", Sha256.of(folder.resolve(files.onnxFile())));
        onnx.add("externalData", new JsonArray());
        artifacts.add(onnx);
        JsonObject params = new JsonObject();
        params.addProperty("engine", "PyTorch");
        params.addProperty("file", files.paramsFile());
        params.addProperty("sha256", Sha256.of(folder.resolve(files.paramsFile())));
        artifacts.add(params);
        manifest.add("artifacts", artifacts);
        JsonObject input = new JsonObject();
        input.addProperty("name", "input");
        input.addProperty("layout", "NCHW");
        input.addProperty("height", 28);
        input.addProperty("width", 28);
        manifest.add("input", input);
        JsonObject norm = new JsonObject();
        norm.addProperty("mean", normalization.mean());
        norm.addProperty("std", normalization.std());
        manifest.add("normalization", norm);
        manifest.addProperty("inkPolarity", InputNormalization.INK_POLARITY);
        JsonObject output = new JsonObject();
        output.addProperty("name", "logits");
        output.addProperty("kind", "logits");
        manifest.add("output", output);
        JsonArray labels = new JsonArray();
        for (int d = 0; d < 10; d++) {
            labels.add(String.valueOf(d));
        }
        manifest.add("labels", labels);
        JsonObject evaluation = new JsonObject();
        evaluation.addProperty("dataset", "MNIST test set (10,000 images)");
        evaluation.addProperty("accuracy", Math.round(accuracy * 10_000) / 10_000.0);
        manifest.add("evaluation", evaluation);
        return GSON.toJson(manifest) + "\n";
    }
}
