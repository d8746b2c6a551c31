package io.mathsketch.server;

import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.access.AdminToken;
import io.mathsketch.server.api.ModelService;
import io.mathsketch.server.api.RecognitionService;
import io.mathsketch.server.api.RouteRecorder;
import io.mathsketch.server.api.StatsService;
import io.mathsketch.server.problem.ProblemType;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import io.mathsketch.server.testing.TestServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document as {@code /openapi} serves it, in YAML and in JSON, parsed and validated by a real OpenAPI
 * parser, and checked against what the server does: every API route documented, nothing documented that is not
 * served, the problem types it lists are the ones the server answers with, and the limits it states are the ones
 * the server applies.
 */
class OpenApiDocumentTest {

    private static final List<String> HEALTH_PATHS = List.of("/observe/health", "/observe/health/ready",
            "/observe/health/live", "/observe/health/started");

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    @Test
    void theYamlFormIsAValidOpenApiDocument() {
        assertValid(parse(served("application/yaml")));
    }

    @Test
    void theJsonFormIsValidJsonAndTheSameDocument() {
        String json = served("application/json");
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            assertNotNull(reader.readObject(), "strict JSON");
        }
        OpenAPI fromJson = assertValid(parse(json));
        assertEquals(assertValid(parse(served("application/yaml"))), fromJson);
    }

    @Test
    void everyApiRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        Set<String> registered = new TreeSet<>(apiRoutes().routes());

        OpenAPI document = assertValid(parse(served("application/yaml")));
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        Set<String> documentedApi = documented.stream().filter(r -> r.contains(" /api/"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(registered, documentedApi, "routes the server registers vs routes /openapi documents");
        for (String route : documented) {
            if (!route.contains(" /api/")) {
                // Helidon's own features (health, metrics): served when a GET does not end in "no route".
                String path = route.substring(route.indexOf(' ') + 1);
                assertEquals("GET", route.substring(0, route.indexOf(' ')), route);
                assertNotEquals(404, http().get(path).status(), route + " is documented but not served");
            }
        }
    }

    /** Each operation documents exactly the query parameters its route declares (and so accepts). */
    @Test
    void everyApiOperationDocumentsTheQueryParametersItAccepts() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        Map<String, List<String>> declared = apiRoutes().queryParameters();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            String route = method.name() + " " + path;
            Set<String> documented = new TreeSet<>();
            for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of()
                    : operation.getParameters()) {
                Parameter resolved = parameter.get$ref() == null ? parameter : document.getComponents()
                        .getParameters().get(parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1));
                if ("query".equals(resolved.getIn())) {
                    documented.add(resolved.getName());
                }
            }
            assertEquals(new TreeSet<>(declared.get(route)), documented, route + ": accepted vs documented");
        }));
    }

    private static RouteRecorder apiRoutes() {
        RouteRecorder recorder = new RouteRecorder();
        MathSketchServer.api(recorder, new RecognitionService(null, null, null, null, null, null, null, null, null),
                new StatsService(null, null, Duration.ZERO), new ModelService(null, new AdminToken(Optional.empty())));
        return recorder;
    }

    /**
     * What every API operation answers before its handler runs, sent to each documented operation and checked in its
     * documented responses: a malformed {@code X-Client-Id} is 400, credentials that are not the admin token are 401
     * (this server has none configured, so any is wrong), a query parameter it does not accept is 400
     * {@code unknown-parameter}, and another method on its path is 405 with the documented
     * methods as {@code Allow}.
     */
    @Test
    void everyApiOperationDocumentsTheAnswersEveryApiRequestCanGet() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        document.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            String concrete = path.replace("{id}", "0190f4c2-0000-7000-8000-000000000000").replace("{name}",
                    "mnist-cnn");
            String allow = item.readOperationsMap().keySet().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", "));
            item.readOperationsMap().forEach((method, operation) -> {
                String route = method + " " + path;
                Set<String> documented = operation.getResponses().keySet();
                Http.Response malformedId = send(http().asClient("not a client id"), method.name(), concrete);
                assertEquals(400, malformedId.status(), route + " with a malformed X-Client-Id: " + malformedId);
                assertTrue(documented.contains("400"), route + " documents 400 (malformed X-Client-Id)");

                Http.Response wrongToken = send(http().withAdminToken("not-the-admin-token"), method.name(),
                        concrete);
                assertTrue(documented.contains("401"), route + " documents 401 (wrong token)");
                if (adminOnly(operation)) {
                    // Demands the token, and says first that none is configured (as on this server).
                    assertEquals(403, wrongToken.status(), route + " with no token configured: " + wrongToken);
                } else {
                    assertEquals(401, wrongToken.status(), route + " with a wrong token: " + wrongToken);
                    assertEquals(Optional.of("Bearer"), wrongToken.header("WWW-Authenticate"), route);
                }

                Http.Response unknown = send(http(), method.name(), concrete + "?mdoe=number");
                assertEquals(400, unknown.status(), route + " with an unknown query parameter: " + unknown);
                assertEquals("unknown-parameter", unknown.problem(), route);

                assertTrue(documented.contains("405"), route + " documents 405 (another method on its path)");
                assertEquals("#/components/responses/MethodNotAllowed", operation.getResponses().get("405")
                        .get$ref(), route);
            });
            Http.Response otherMethod = send(http(), "PATCH", concrete);
            assertEquals(405, otherMethod.status(), "PATCH " + path + ": " + otherMethod);
            assertEquals(Optional.of(allow), otherMethod.header("Allow"), "PATCH " + path);
        });
    }

    private static boolean adminOnly(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .allMatch(requirement -> requirement.keySet().equals(Set.of("adminToken")));
    }

    private static Http.Response send(Http http, String method, String path) {
        return http.send(http.request(path).method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void theDocumentedProblemTypesAreTheServersOwn() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        Schema<?> type = (Schema<?>) problem.getProperties().get("type");
        List<?> documented = type.getEnum();
        Set<String> served = Arrays.stream(ProblemType.values()).map(ProblemType::uri)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, new TreeSet<>(documented.stream().map(Object::toString).toList()));
    }

    @Test
    void theDocumentedPixelInputIsTheModelsInputSize() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        Schema<?> pixels = (Schema<?>) document.getComponents().getSchemas().get("RecognitionInput").getProperties()
                .get("pixels");
        assertEquals(DigitImage.SIZE, pixels.getMinItems());
        assertEquals(DigitImage.SIZE, pixels.getMaxItems());
    }

    @Test
    void theDocumentedModesAreTheEnginesAndDigitIsTheDefault() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        Schema<?> mode = document.getComponents().getParameters().get("Mode").getSchema();
        assertEquals(Arrays.stream(RecognitionRequest.Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT))
                .toList(), mode.getEnum().stream().map(Object::toString).toList());
        assertEquals("digit", mode.getDefault().toString());
        Http client = http().withHeader("X-Client-Id", "openapi-modes-test");
        for (Object name : mode.getEnum()) {
            // Read in that mode: answered, or refused as what that mode cannot read (422), never a bad request.
            assertNotEquals(400, client.post("/api/v1/recognitions?store=false&mode=" + name, "image/png",
                    Digits.canvasPng(7)).status(), "mode " + name);
        }
        assertEquals(400, client.post("/api/v1/recognitions?store=false&mode=letter", "image/png",
                Digits.canvasPng(7)).status(), "an undocumented mode");
        assertEquals("digit", client.post("/api/v1/recognitions?store=false", "image/png", Digits.canvasPng(7))
                .json().getString("mode"), "the documented default mode");
    }

    @Test
    void theDocumentedInkLimitsAreTheDefaultLimits() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        Schema<?> ink = document.getComponents().getSchemas().get("Ink");
        Schema<?> strokes = (Schema<?>) ink.getProperties().get("strokes");
        Schema<?> points = (Schema<?>) strokes.getItems().getProperties().get("points");
        Schema<?> coordinate = points.getItems().getItems();
        InputLimits limits = InputLimits.DEFAULT;
        assertEquals(limits.maxInkStrokes(), strokes.getMaxItems());
        assertEquals(limits.maxInkStrokePoints(), points.getMaxItems());
        assertEquals(limits.maxInkCoordinate(), coordinate.getMaximum().intValueExact());
        assertEquals(-limits.maxInkCoordinate(), coordinate.getMinimum().intValueExact());
        for (String size : List.of("width", "height", "penWidth")) {
            Schema<?> schema = (Schema<?>) ink.getProperties().get(size);
            assertEquals(limits.maxInkCoordinate(), schema.getMaximum().intValueExact(), size);
            assertEquals(0, java.math.BigDecimal.valueOf(Ink.MIN_SIZE).compareTo(schema.getMinimum()), size);
        }
    }

    @Test
    void theDocumentedListingBoundsAreTheServersOwn() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        List<Parameter> parameters = document.getPaths().get("/api/v1/recognitions").getGet().getParameters();
        int maxLimit = parameter(parameters, "limit").getSchema().getMaximum().intValueExact();
        int maxModel = parameter(parameters, "model").getSchema().getMaxLength();
        assertEquals(200, list("limit=" + maxLimit), "limit at the documented maximum");
        assertEquals(400, list("limit=" + (maxLimit + 1)), "limit over the documented maximum");
        assertEquals(200, list("model=" + "m".repeat(maxModel)), "model at the documented maxLength");
        assertEquals(400, list("model=" + "m".repeat(maxModel + 1)), "model over the documented maxLength");
    }

    @Test
    void theDocumentedListingDefaultIsTheServersOwn() {
        OpenAPI document = assertValid(parse(served("application/yaml")));
        Parameter limit = parameter(document.getPaths().get("/api/v1/recognitions").getGet().getParameters(), "limit");
        int documented = ((Number) limit.getSchema().getDefault()).intValue();
        Http client = http().withHeader("X-Client-Id", "openapi-listing-default-test");
        for (int i = 0; i <= documented; i++) {
            assertEquals(201, client.post("/api/v1/recognitions", "image/png", Digits.canvasPng(i % 10)).status());
        }
        assertEquals(documented, client.get("/api/v1/recognitions").json().getJsonArray("items").size(),
                "a listing without limit holds the documented default of " + documented + " of its "
                        + (documented + 1) + " recognitions");
    }

    /**
     * Each health path's answer, healthy and with the database down (anonymously and with the admin token, which
     * also sees the database's error), is the JSON its documented response for that status describes. The schemas
     * forbid undocumented members, so a change in Helidon's answer fails here too.
     */
    @Test
    void healthAnswersAreTheDocumentedJson() {
        OpenAPI document = assertValid(parseFully(served("application/yaml")));
        for (String path : HEALTH_PATHS) {
            assertHealthAnswer(document, path, http().get(path), 200);
        }
        String token = "openapi-health-admin-token-0123456789";
        try (H2TestDatabase database = new H2TestDatabase();
             TestServer server = TestServer.start(database, Map.of("admin.token", token), DjlRecognizer::open)) {
            database.stop();
            try {
                for (Http http : List.of(server.http(), server.http().withAdminToken(token))) {
                    assertHealthAnswer(document, "/observe/health", http.get("/observe/health"), 503);
                    assertHealthAnswer(document, "/observe/health/ready", http.get("/observe/health/ready"), 200);
                    assertHealthAnswer(document, "/observe/health/live", http.get("/observe/health/live"), 200);
                    assertHealthAnswer(document, "/observe/health/started", http.get("/observe/health/started"),
                            503);
                }
                assertTrue(server.http().withAdminToken(token).get("/observe/health").text()
                        .contains("\"error\""), "the admin sees the database's error, checked as documented");
            } finally {
                database.restart();
            }
        }
    }

    private static void assertHealthAnswer(OpenAPI document, String path, Http.Response response, int status) {
        assertEquals(status, response.status(), path + ": " + response);
        ApiResponse documented = document.getPaths().get(path).getGet().getResponses()
                .get(Integer.toString(status));
        assertNotNull(documented, path + " documents " + status);
        assertNotNull(documented.getContent(), path + " " + status + " documents its content");
        MediaType json = documented.getContent().get("application/json");
        assertNotNull(json, path + " " + status + " documents application/json");
        assertTrue(response.header("Content-Type").orElseThrow().startsWith("application/json"), response::toString);
        JsonValue body;
        try (JsonReader reader = Json.createReader(new StringReader(response.text()))) {
            body = reader.readValue();
        }
        assertEquals(List.of(), DocumentedSchema.mismatches(json.getSchema(), body), path + " " + status + ": "
                + response.text());
    }

    private static Parameter parameter(List<Parameter> parameters, String name) {
        return parameters.stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow();
    }

    private static int list(String query) {
        return http().withHeader("X-Client-Id", "openapi-listing-bounds-test").get("/api/v1/recognitions?" + query)
                .status();
    }

    private String served(String mediaType) {
        Http.Response response = http().send(http().request("/openapi").header("Accept", mediaType).GET().build());
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Content-Type").orElseThrow().toLowerCase(Locale.ROOT).startsWith(mediaType),
                response::toString);
        return response.text();
    }

    private static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    /** As {@link #parse}, with every reference replaced by what it names (for checking answers against schemas). */
    private static SwaggerParseResult parseFully(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    private static OpenAPI assertValid(SwaggerParseResult result) {
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
                "OpenAPI parser messages");
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    private static Http http() {
        return SERVER.http();
    }
}
