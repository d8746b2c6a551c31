package io.mathsketch.training.export;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The files training writes into a model folder ({@code models/<name>/}). The model is named after its folder,
 * because the engine loads a folder only when its manifest's name is the folder's name ({@code engine.models=<name>}).
 *
 * @param name model name, the folder's name
 * @param version model version
 */
public record ModelFiles(String name, String version) {

    public static final String MODEL_CARD = "MODEL_CARD.md";
    /** The engine accepts artifact files named only with these characters (no path outside the folder). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public ModelFiles {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the model is named after its folder, and '" + name + "' is not a"
                    + " usable model name: use letters, digits, '.', '_' and '-' (e.g. --output models/mnist-cnn)");
        }
    }

    /** The files of a model written into {@code folder}, named after it. */
    public static ModelFiles in(Path folder, String version) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new ModelFiles(name == null ? "" : name.toString(), version);
    }

    public String onnxFile() {
        return name + ".onnx";
    }

    /** DJL's {@code Model.save(dir, name)} naming, epoch 0. */
    public String paramsFile() {
        return name + "-0000.params";
    }
}
