package io.mathsketch.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.server.access.AdminToken;
import io.mathsketch.server.observe.OutOfMemoryWatch;
import io.mathsketch.server.problem.ProblemErrorHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing-level tests (no socket, no engine, no database): who may reload a model. The end-to-end tests run the
 * same service on a real server with the real engine.
 */
@RoutingTest
class ModelServiceRoutingTest {

    private static final String TOKEN = "s3cret-admin-token-0123456789abcdef";

    private final DirectClient client;

    ModelServiceRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.register("/guarded", new ModelService(new NoModels(), new AdminToken(Optional.of(TOKEN))))
                .register("/disabled", new ModelService(new NoModels(), new AdminToken(Optional.empty())))
                .register("/broken", new ModelService(new BrokenFolder(), new AdminToken(Optional.of(TOKEN))))
                .error(Throwable.class, new ProblemErrorHandler(new OutOfMemoryWatch()));
    }

    @Test
    void reloadWithoutTheTokenIsUnauthorised() {
        try (Http1ClientResponse response = client.post("/guarded/m/reload").request()) {
            assertProblem(response, 401, "unauthorized");
            assertEquals("Bearer", response.headers().first(HeaderNames.WWW_AUTHENTICATE).orElseThrow());
        }
    }

    @Test
    void reloadWithAWrongTokenIsUnauthorised() {
        try (Http1ClientResponse response = reload("/guarded/m/reload", "Bearer guess")) {
            assertProblem(response, 401, "unauthorized");
        }
    }

    @Test
    void reloadWithTheTokenReachesTheEngine() {
        try (Http1ClientResponse response = reload("/guarded/m/reload", "bearer " + TOKEN)) {
            assertProblem(response, 404, "unknown-model");
        }
    }

    @Test
    void reloadWithoutAConfiguredTokenIsDisabled() {
        try (Http1ClientResponse response = reload("/disabled/m/reload", "Bearer " + TOKEN)) {
            assertProblem(response, 403, "reload-disabled");
        }
    }

    @Test
    void aReloadThatCannotLoadTheFolderTellsTheAdminWhy() {
        try (Http1ClientResponse response = reload("/broken/m/reload", "Bearer " + TOKEN)) {
            assertEquals(500, response.status().code());
            String body = response.as(String.class);
            assertTrue(body.contains("\"urn:mathsketch:problem:internal\""), body);
            assertTrue(body.contains("model 'm' was not reloaded and the version loaded before still serves: "
                    + BrokenFolder.WHY), body);
        }
        try (Http1ClientResponse response = client.post("/broken/m/reload").request()) {
            assertProblem(response, 401, "unauthorized");
        }
    }

    private Http1ClientResponse reload(String path, String authorization) {
        Http1ClientRequest request = client.post(path);
        return request.header(HeaderNames.AUTHORIZATION, authorization).request();
    }

    private static void assertProblem(Http1ClientResponse response, int status, String kind) {
        assertEquals(status, response.status().code());
        String body = response.as(String.class);
        assertTrue(body.contains("\"urn:mathsketch:problem:" + kind + "\""), body);
    }

    /** An engine whose model folder has changed under it into one that cannot be loaded. */
    private static final class BrokenFolder extends NoModels {
        // As long as the engine's own messages, which name the file and the fix: told whole, not cut as an echo.
        static final String WHY = "model file /app/models/m/m.onnx does not match the SHA-256 in its manifest.json:"
                + " copy the whole folder again, or write the new checksum into the manifest";

        @Override
        public ModelInfo reload(String name) throws ModelLoadException {
            throw new ModelLoadException(WHY);
        }
    }

    /** An engine with no model loaded. */
    private static class NoModels implements Recognizer {
        @Override
        public Recognition recognize(RecognitionRequest request) throws RecognitionException {
            throw new RecognitionException.UnknownModel("any");
        }

        @Override
        public List<ModelInfo> models() {
            return List.of();
        }

        @Override
        public ModelInfo reload(String name) throws RecognitionException.UnknownModel, ModelLoadException {
            throw new RecognitionException.UnknownModel(name);
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
