package io.mathsketch.engine.model;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.model.ModelManifest.Artifact;
import io.mathsketch.engine.model.ModelManifest.Evaluation;
import io.mathsketch.engine.model.ModelManifest.ExternalData;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Input;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.Normalization;
import io.mathsketch.engine.model.ModelManifest.Output;
import io.mathsketch.engine.model.ModelManifest.OutputKind;
import io.mathsketch.engine.number.CtcScore;
import io.mathsketch.engine.preprocess.LineCentering;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a {@code manifest.json} (the format is published as {@code docs/model-manifest.schema.json};
 * {@link ManifestWriter} writes it). Every problem is reported as a {@link ModelLoadException} naming the file and the
 * field, so that a broken model folder fails start-up with a message its author can act on.
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
        JsonValue json;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            json = reader.readValue();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(json instanceof JsonObject root)) {
            throw fail("", "must be a JSON object");
        }
        ModelManifest manifest = new ModelManifest(
                string(root, "name", "name"),
                string(root, "version", "version"),
                optionalString(root, "description").orElse(""),
                optionalString(root, "architecture"),
                artifacts(root),
                input(object(root, "input")),
                normalization(object(root, "normalization")),
                polarity(string(root, "inkPolarity", "inkPolarity")),
                output(object(root, "output")),
                labels(root),
                isAbsent(root, "evaluation") ? Optional.empty()
                        : Optional.of(evaluation(object(root, "evaluation"))));
        boolean line = manifest.input().height() == LineCentering.HEIGHT;
        if (line != manifest.labels().equals(CtcScore.LABELS)) {
            throw fail("input.height/width", line ? "a " + LineCentering.WIDTH + "x" + LineCentering.HEIGHT
                    + " input is the line reader's, whose labels are " + CtcScore.LABELS
                    : "the line reader's labels " + CtcScore.LABELS + " go with a " + LineCentering.WIDTH + "x"
                    + LineCentering.HEIGHT + " input (a whole number line)");
        }
        return manifest;
    }

    private List<Artifact> artifacts(JsonObject root) throws ModelLoadException {
        JsonArray array = array(root, "artifacts", "artifacts");
        if (array.isEmpty()) {
            throw fail("artifacts", "must list at least one artifact");
        }
        List<Artifact> artifacts = new ArrayList<>();
        Set<String> engines = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "artifacts[" + i + "]";
            JsonObject a = element(array, i, field);
            String engine = string(a, "engine", field + ".engine");
            if (!engines.add(engine.toLowerCase(Locale.ROOT))) {
                throw fail(field + ".engine", "engine '" + engine + "' is listed twice");
            }
            List<ExternalData> external = new ArrayList<>();
            if (!isAbsent(a, "externalData")) {
                JsonArray data = array(a, "externalData", field + ".externalData");
                for (int j = 0; j < data.size(); j++) {
                    String dataField = field + ".externalData[" + j + "]";
                    JsonObject d = element(data, j, dataField);
                    external.add(new ExternalData(fileName(d, dataField + ".file"), sha256(d, dataField + ".sha256")));
                }
            }
            artifacts.add(new Artifact(engine, fileName(a, field + ".file"), sha256(a, field + ".sha256"), external));
        }
        return artifacts;
    }

    private Input input(JsonObject o) throws ModelLoadException {
        String name = string(o, "name", "input.name");
        Layout layout = choice(string(o, "layout", "input.layout"), "input.layout", Layout.values());
        int height = positiveInt(o, "height", "input.height");
        int width = positiveInt(o, "width", "input.width");
        boolean digit = height == DigitImage.SIDE && width == DigitImage.SIDE;
        boolean line = height == LineCentering.HEIGHT && width == LineCentering.WIDTH;
        if (!digit && !line) {
            throw fail("input.height/width", "the engine prepares " + DigitImage.SIDE + "x" + DigitImage.SIDE
                    + " digits (and " + LineCentering.WIDTH + "x" + LineCentering.HEIGHT + " number lines for the"
                    + " line reader), the manifest asks for " + width + "x" + height);
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
            if (!(array.get(i) instanceof JsonString label) || label.getString().isEmpty()) {
                throw fail("labels[" + i + "]", "must be a non-empty string");
            }
            labels.add(label.getString());
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

    private String string(JsonObject o, String key, String field) throws ModelLoadException {
        JsonValue value = present(o, key, field);
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            throw fail(field, "must be a non-empty string");
        }
        return s.getString();
    }

    private Optional<String> optionalString(JsonObject o, String key) throws ModelLoadException {
        return isAbsent(o, key) ? Optional.empty() : Optional.of(string(o, key, key));
    }

    private String fileName(JsonObject o, String field) throws ModelLoadException {
        String value = string(o, "file", field);
        // Plain names only: a manifest must not point outside its own folder.
        if (!SAFE_FILE.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw fail(field, "must be a plain file name inside the model folder, was '" + value + "'");
        }
        return value;
    }

    private String sha256(JsonObject o, String field) throws ModelLoadException {
        String value = string(o, "sha256", field).toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(value).matches()) {
            throw fail(field, "must be 64 hex digits (SHA-256), was '" + value + "'");
        }
        return value;
    }

    private double number(JsonObject o, String key, String field) throws ModelLoadException {
        if (!(present(o, key, field) instanceof JsonNumber n)) {
            throw fail(field, "must be a number");
        }
        return n.doubleValue();
    }

    private int positiveInt(JsonObject o, String key, String field) throws ModelLoadException {
        double value = number(o, key, field);
        if (value < 1 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw fail(field, "must be a positive integer, was " + value);
        }
        return (int) value;
    }

    private JsonObject object(JsonObject o, String key) throws ModelLoadException {
        if (!(present(o, key, key) instanceof JsonObject object)) {
            throw fail(key, "must be an object");
        }
        return object;
    }

    private JsonArray array(JsonObject o, String key, String field) throws ModelLoadException {
        if (!(present(o, key, field) instanceof JsonArray array)) {
            throw fail(field, "must be an array");
        }
        return array;
    }

    private JsonObject element(JsonArray array, int index, String field) throws ModelLoadException {
        if (!(array.get(index) instanceof JsonObject object)) {
            throw fail(field, "must be an object");
        }
        return object;
    }

    private JsonValue present(JsonObject o, String key, String field) throws ModelLoadException {
        if (isAbsent(o, key)) {
            throw fail(field, "is missing");
        }
        return o.get(key);
    }

    private static boolean isAbsent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private ModelLoadException fail(String field, String problem) {
        String where = field.isEmpty() ? "" : "field '" + field + "' ";
        return new ModelLoadException(file + ": " + where + problem);
    }
}
