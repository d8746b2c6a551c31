package io.mathsketch.engine.model;

import io.mathsketch.engine.model.ModelManifest.Artifact;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;

import java.util.List;
import java.util.Optional;

/** Test helper: manifests built in code, and the JSON of a valid one to break field by field. */
final class Manifests {

    static final String ZERO_SHA = "0".repeat(64);

    private Manifests() {
    }

    static ModelManifest sample(Layout layout, InkPolarity polarity, float mean, float std) {
        return sample(layout, polarity, mean, std, OutputKind.LOGITS);
    }

    static ModelManifest sample(Layout layout, InkPolarity polarity, float mean, float std, OutputKind kind) {
        return new ModelManifest("m", "1", "", Optional.empty(),
                List.of(new Artifact("OnnxRuntime", "m.onnx", ZERO_SHA, List.of())),
                new ModelManifest.Input("input", layout, 28, 28), new ModelManifest.Normalization(mean, std),
                polarity, new ModelManifest.Output("out", kind),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Optional.empty());
    }

    static String validJson() {
        return """
                {
                  "name": "mnist-cnn",
                  "version": "1.0.0",
                  "description": "test",
                  "architecture": "mathsketch-cnn-v1",
                  "artifacts": [
                    {"engine": "OnnxRuntime", "file": "mnist-cnn.onnx", "sha256": "%s", "externalData": []},
                    {"engine": "PyTorch", "file": "mnist-cnn-0000.params", "sha256": "%s"}
                  ],
                  "input": {"name": "input", "layout": "NCHW", "height": 28, "width": 28},
                  "normalization": {"mean": 0.1307, "std": 0.3081},
                  "inkPolarity": "light-on-dark",
                  "output": {"name": "logits", "kind": "logits"},
                  "labels": ["0","1","2","3","4","5","6","7","8","9"],
                  "evaluation": {"dataset": "MNIST test set (10,000 images)", "accuracy": 0.9935}
                }
                """.formatted(ZERO_SHA, "a".repeat(64));
    }
}
