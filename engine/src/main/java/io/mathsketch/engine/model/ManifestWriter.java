package io.mathsketch.engine.model;

import io.mathsketch.engine.model.ModelManifest.Artifact;
import io.mathsketch.engine.model.ModelManifest.ExternalData;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ModelManifest} as {@code manifest.json}, in the form {@link ManifestReader} reads back (training
 * writes its model folders with it, so writer and reader share the one manifest type). Absent optional fields are
 * left out rather than written as null.
 */
public final class ManifestWriter {

    private ManifestWriter() {
    }

    /** The manifest as pretty-printed JSON, ending with a newline. */
    public static String json(ModelManifest m) {
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("name", m.name())
                .add("version", m.version());
        if (!m.description().isEmpty()) {
            root.add("description", m.description());
        }
        m.architecture().ifPresent(a -> root.add("architecture", a));
        JsonArrayBuilder artifacts = Json.createArrayBuilder();
        m.artifacts().forEach(a -> artifacts.add(artifact(a)));
        root.add("artifacts", artifacts)
                .add("input", Json.createObjectBuilder()
                        .add("name", m.input().name())
                        .add("layout", m.input().layout().name())
                        .add("height", m.input().height())
                        .add("width", m.input().width()))
                .add("normalization", Json.createObjectBuilder()
                        // Float.toString keeps what was written (0.1307), not its double widening (0.13070000708).
                        .add("mean", new BigDecimal(Float.toString(m.normalization().mean())))
                        .add("std", new BigDecimal(Float.toString(m.normalization().std()))))
                .add("inkPolarity", m.inkPolarity().json())
                .add("output", Json.createObjectBuilder()
                        .add("name", m.output().name())
                        .add("kind", m.output().kind().name().toLowerCase(Locale.ROOT)))
                .add("labels", Json.createArrayBuilder(m.labels()));
        m.evaluation().ifPresent(e -> root.add("evaluation", Json.createObjectBuilder()
                .add("dataset", e.dataset())
                .add("accuracy", e.accuracy())));
        return pretty(root.build());
    }

    private static JsonObjectBuilder artifact(Artifact a) {
        JsonObjectBuilder artifact = Json.createObjectBuilder()
                .add("engine", a.engine())
                .add("file", a.file())
                .add("sha256", a.sha256());
        if (!a.externalData().isEmpty()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (ExternalData d : a.externalData()) {
                data.add(Json.createObjectBuilder().add("file", d.file()).add("sha256", d.sha256()));
            }
            artifact.add("externalData", data);
        }
        return artifact;
    }

    private static String pretty(JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(json);
        }
        return text.toString().strip() + "\n";
    }
}
