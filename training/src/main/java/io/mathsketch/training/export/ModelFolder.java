package io.mathsketch.training.export;

/** File names inside a model folder ({@code models/<name>/}). */
public record ModelFolder(String name, String version) {

    public static final String MANIFEST = "manifest.json";
    public static final String MODEL_CARD = "MODEL_CARD.md";

    public String onnxFile() {
        return name + ".onnx";
    }

    /** DJL's {@code Model.save(dir, name)} naming, epoch 0. */
    public String paramsFile() {
        return name + "-0000.params";
    }
}
