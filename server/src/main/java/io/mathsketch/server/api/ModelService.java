package io.mathsketch.server.api;

import io.mathsketch.server.json.JsonFactory;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.server.access.AdminToken;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/** {@code /api/v1/models}: the loaded models, and reloading one from its folder (admin token required). */
public final class ModelService implements HttpService {

    /** Reloading, which demands the admin token and checks it itself ({@link PresentedTokenFilter}). */
    public static final String RELOAD_ROUTE = "/api/v1/models/{name}/reload";

    private final Recognizer recognizer;
    private final AdminToken adminToken;

    public ModelService(Recognizer recognizer, AdminToken adminToken) {
        this.recognizer = recognizer;
        this.adminToken = adminToken;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", AcceptedParameters.of(this::list))
                .post("/{name}/reload", AcceptedParameters.of(this::reload));
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<ModelInfo> models = recognizer.models();
        JsonArrayBuilder array = JsonFactory.createArrayBuilder();
        models.forEach(m -> array.add(toJson(m)));
        JsonArrayBuilder engines = JsonFactory.createArrayBuilder();
        EngineResolver.availableEngines().forEach(engines::add);
        JsonResponses.send(res, JsonFactory.createObjectBuilder()
                .add("default", models.stream().filter(ModelInfo::isDefault).findFirst()
                        .or(() -> models.stream().findFirst()).map(ModelInfo::name).orElse(""))
                .add("engines", engines)
                .add("models", array)
                .build());
    }

    private void reload(ServerRequest req, ServerResponse res) throws RecognitionException {
        adminToken.require(req, res);
        String name = req.path().pathParameters().get("name");
        ModelInfo reloaded;
        try {
            reloaded = recognizer.reload(name);
        } catch (ModelLoadException e) {
            // Told to the admin who asked (a checksum, a manifest, a missing folder: its message names the fix),
            // where any other internal error shows nothing of its cause.
            throw new ProblemException(ProblemType.INTERNAL, "model '" + ProblemText.echo(name) + "' was not"
                    + " reloaded and the version loaded before still serves: " + e.getMessage(), e);
        }
        JsonResponses.send(res, toJson(reloaded));
    }

    static JsonObject toJson(ModelInfo m) {
        JsonObjectBuilder artifacts = JsonFactory.createObjectBuilder();
        m.artifactSha256().forEach(artifacts::add);
        JsonObjectBuilder json = JsonFactory.createObjectBuilder()
                .add("name", m.name())
                .add("version", m.version())
                .add("engine", m.engine())
                .add("device", m.device())
                .add("default", m.isDefault())
                .add("labels", JsonFactory.createArrayBuilder(m.labels()))
                .add("artifacts", artifacts)
                .add("workers", m.workers())
                .add("maxBatchSize", m.maxBatchSize());
        if (m.testAccuracy().isPresent()) {
            json.add("testAccuracy", m.testAccuracy().getAsDouble());
        } else {
            json.addNull("testAccuracy");
        }
        return json.build();
    }
}
