package io.mathsketch.engine.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.ModelManifest.Artifact;
import io.mathsketch.engine.model.ModelManifest.Evaluation;
import io.mathsketch.engine.model.ModelManifest.ExternalData;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Input;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.Normalization;
import io.mathsketch.engine.model.ModelManifest.Output;
import io.mathsketch.engine.model.ModelManifest.OutputKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates a {@code manifest.json}. Every problem is reported as a {@link ModelLoadException} naming the
 * file and the field, so that a broken model folder fails start-up with a message its author can act on. The field
 * tree is walked by hand rather than bound by reflection so that each field gets its own message.
 */
public final class ManifestReader {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path file;

    private ManifestReader(Path file) {
        this.file = file;
    }

    /** Reads the manifest at {@code file}. */
    public static ModelManifest read(Path file) throws ModelLoadException {
        return new ManifestReader(file).read();
    }

    private ModelManifest read() throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file + " not found: every model folder needs a manifest.json "
                    + "(see the manifest contract in README)");
        }
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(Files.readString(file));
            if (!element.isJsonObject()) {
                throw fail("", "must be a JSON object");
            }
            root = element.getAsJsonObject();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
        }

        String name = string(root, "name");
        String version = string(root, "version");
        String description = optionalString(root, "description").orElse("");
        Optional<String> architecture = optionalString(root, "architecture");
        List<Artifact> artifacts = artifacts(root);
        Input input = input(object(root, "input"));
        Normalization normalization = normalization(object(root, "normalization"));
        InkPolarity polarity = polarity(string(root, "inkPolarity"));
        Output output = output(object(root, "output"));
        List<String> labels = labels(root);
        Optional<Evaluation> evaluation = root.has("evaluation") && !root.get("evaluation").isJsonNull()
                ? Optional.of(evaluation(object(root, "evaluation"))) : Optional.empty();
        return new ModelManifest(name, version, description, architecture, artifacts, input, normalization, polarity,
                output, labels, evaluation);
    }

    private List<Artifact> artifacts(JsonObject root) throws ModelLoadException {
        JsonArray array = array(root, "artifacts");
        if (array.isEmpty()) {
            throw fail("artifacts", "must list at least one artifact");
        }
        List<Artifact> artifacts = new ArrayList<>();
        HashSet<String> engines = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "artifacts[" + i + "]";
            JsonObject a = element(array, i, field);
            String engine = string(a, "engine", field + ".engine");
            if (!engines.add(engine.toLowerCase(Locale.ROOT))) {
                throw fail(field + ".engine", "engine '" + engine + "' is listed twice");
            }
            String fileName = fileName(a, "file", field + ".file");
            String sha = sha256(a, "sha256", field + ".sha256");
            List<ExternalData> external = new ArrayList<>();
            if (a.has("externalData") && !a.get("externalData").isJsonNull()) {
                JsonArray ext = array(a, "externalData", field + ".externalData");
                for (int j = 0; j < ext.size(); j++) {
                    String extField = field + ".externalData[" + j + "]";
                    JsonObject e = element(ext, j, extField);
                    external.add(new ExternalData(fileName(e, "file", extField + ".file"),
                            sha256(e, "sha256", extField + ".sha256")));
                }
            }
            artifacts.add(new Artifact(engine, fileName, sha, external));
        }
        return artifacts;
    }

    private Input input(JsonObject o) throws ModelLoadException {
        String name = string(o, "name", "input.name");
        Layout layout = choice(string(o, "layout", "input.layout"), "input.layout", Layout.values());
        int height = positiveInt(o, "height", "input.height");
        int width = positiveInt(o, "width", "input.width");
        if (height != 28 || width != 28) {
            throw fail("input.height/width", "the engine prepares 28x28 digits, the manifest asks for "
                    + width + "x" + height);
        }
        return new Input(name, layout, height, width);
    }

    private Normalization normalization(JsonObject o) throws ModelLoadException {
        float mean = (float) number(o, "mean", "normalization.mean");
        float std = (float) number(o, "std", "normalization.std");
        if (!(std > 0) || !Float.isFinite(std)) {
            throw fail("normalization.std", "must be a positive number, was " + std);
        }
        if (!Float.isFinite(mean)) {
            throw fail("normalization.mean", "must be a finite number");
        }
        return new Normalization(mean, std);
    }

    private InkPolarity polarity(String value) throws ModelLoadException {
        for (InkPolarity p : InkPolarity.values()) {
            if (p.json().equals(value)) {
                return p;
            }
        }
        throw fail("inkPolarity", "must be 'light-on-dark' or 'dark-on-light', was '" + value + "'");
    }

    private Output output(JsonObject o) throws ModelLoadException {
        String name = string(o, "name", "output.name");
        OutputKind kind = choice(string(o, "kind", "output.kind"), "output.kind", OutputKind.values());
        return new Output(name, kind);
    }

    private List<String> labels(JsonObject root) throws ModelLoadException {
        JsonArray array = array(root, "labels", "labels");
        if (array.size() < 2) {
            throw fail("labels", "must list at least two labels");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isEmpty()) {
                throw fail("labels[" + i + "]", "must be a non-empty string");
            }
            labels.add(e.getAsString());
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw fail("labels", "must not repeat a label");
        }
        return labels;
    }

    private Evaluation evaluation(JsonObject o) throws ModelLoadException {
        String dataset = optionalString(o, "dataset").orElse("");
        double accuracy = number(o, "accuracy", "evaluation.accuracy");
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw fail("evaluation.accuracy", "must be a fraction between 0 and 1, was " + accuracy);
        }
        return new Evaluation(dataset, accuracy);
    }

    private <E extends Enum<E>> E choice(String value, String field, E[] values) throws ModelLoadException {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw fail(field, "must be one of " + Arrays.toString(values) + ", was '" + value + "'");
    }

    private String string(JsonObject o, String key) throws ModelLoadException {
        return string(o, key, key);
    }

    private String string(JsonObject o, String key, String field) throws ModelLoadException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw fail(field, "is missing");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw fail(field, "must be a non-empty string");
        }
        return e.getAsString();
    }

    private Optional<String> optionalString(JsonObject o, String key) throws ModelLoadException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        return Optional.of(string(o, key, key));
    }

    private String fileName(JsonObject o, String key, String field) throws ModelLoadException {
        String value = string(o, key, field);
        // Plain names only: a manifest must not point outside its own folder.
        if (!SAFE_FILE.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw fail(field, "must be a plain file name inside the model folder, was '" + value + "'");
        }
        return value;
    }

    private String sha256(JsonObject o, String key, String field) throws ModelLoadException {
        String value = string(o, key, field).toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(value).matches()) {
            throw fail(field, "must be 64 hex digits (SHA-256), was '" + value + "'");
        }
        return value;
    }

    private double number(JsonObject o, String key, String field) throws ModelLoadException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw fail(field, "is missing");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw fail(field, "must be a number");
        }
        return e.getAsDouble();
    }

    private int positiveInt(JsonObject o, String key, String field) throws ModelLoadException {
        double value = number(o, key, field);
        if (value < 1 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw fail(field, "must be a positive integer, was " + value);
        }
        return (int) value;
    }

    private JsonObject object(JsonObject o, String key) throws ModelLoadException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw fail(key, "is missing");
        }
        if (!e.isJsonObject()) {
            throw fail(key, "must be an object");
        }
        return e.getAsJsonObject();
    }

    private JsonArray array(JsonObject o, String key) throws ModelLoadException {
        return array(o, key, key);
    }

    private JsonArray array(JsonObject o, String key, String field) throws ModelLoadException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw fail(field, "is missing");
        }
        if (!e.isJsonArray()) {
            throw fail(field, "must be an array");
        }
        return e.getAsJsonArray();
    }

    private JsonObject element(JsonArray array, int index, String field) throws ModelLoadException {
        JsonElement e = array.get(index);
        if (!e.isJsonObject()) {
            throw fail(field, "must be an object");
        }
        return e.getAsJsonObject();
    }

    private ModelLoadException fail(String field, String problem) {
        String where = field.isEmpty() ? "" : "field '" + field + "' ";
        return new ModelLoadException(file + ": " + where + problem);
    }
}
