package io.mathsketch.engine.model;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published manifest schema ({@code docs/model-manifest.schema.json}) accepts every committed and example
 * manifest and what {@link ManifestWriter} writes, and rejects what {@link ManifestReader} rejects.
 */
class ManifestSchemaTest {

    private static final Path ROOT = Checkout.root();
    private static final Schema SCHEMA = schema();

    @Test
    void committedAndExampleManifestsFollowTheSchema() throws IOException {
        List<Path> manifests = new ArrayList<>();
        try (Stream<Path> models = Files.list(ROOT.resolve("models"));
             Stream<Path> examples = Files.list(ROOT.resolve("docs/examples"))) {
            models.map(m -> m.resolve(ModelFolder.MANIFEST)).filter(Files::isRegularFile).forEach(manifests::add);
            examples.filter(p -> p.toString().endsWith("manifest.json")).forEach(manifests::add);
        }
        assertTrue(manifests.size() >= 2, "the committed model and the example: " + manifests);
        for (Path manifest : manifests) {
            assertEquals(List.of(), errors(Files.readString(manifest)), manifest.toString());
        }
    }

    @Test
    void whatTheWriterWritesFollowsTheSchema() {
        for (Layout layout : Layout.values()) {
            for (InkPolarity polarity : InkPolarity.values()) {
                String json = ManifestWriter.json(Manifests.sample(layout, polarity, 0.5f, 0.5f));
                assertEquals(List.of(), errors(json), json);
            }
        }
        assertEquals(List.of(), errors(Manifests.validJson()));
    }

    /** The same broken fields as {@link ManifestReaderTest}, so schema and reader hold one contract. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"version\": \"1.0.0\",|",
            "\"layout\": \"NCHW\"|\"layout\": \"CHW\"",
            "\"kind\": \"logits\"|\"kind\": \"scores\"",
            "\"inkPolarity\": \"light-on-dark\"|\"inkPolarity\": \"white\"",
            "\"std\": 0.3081|\"std\": 0",
            "\"file\": \"mnist-cnn.onnx\"|\"file\": \"../../etc/passwd\"",
            "\"sha256\": \"0000|\"sha256\": \"zz00",
            "\"height\": 28|\"height\": 32",
            "\"accuracy\": 0.9935|\"accuracy\": 99.35",
            "\"labels\": [\"0\",\"1\"|\"labels\": [\"0\",\"0\""})
    void whatTheReaderRejectsTheSchemaRejects(String from, String to) {
        String json = Manifests.validJson().replaceFirst(Pattern.quote(from.strip()), to == null ? "" : to.strip());
        assertFalse(json.equals(Manifests.validJson()), "the replacement applies: " + from);
        assertFalse(errors(json).isEmpty(), json);
    }

    private static List<String> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(ROOT.resolve("docs/model-manifest.schema.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
