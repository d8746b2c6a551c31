package io.mathsketch.server.api;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.ServerFixture;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the API asks of every request, each refused with a problem naming what to change rather than quietly read
 * another way: only the query parameters an operation reads, each once, a body without a content coding, JSON in
 * UTF-8.
 */
class RequestRulesTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    @Test
    void aQueryParameterGivenTwiceIs400NamingIt() {
        assertTwice("/api/v1/recognitions?limit=1&limit=xyz", "limit");
        assertTwice("/api/v1/recognitions?fields=text&fields=digit", "fields");
        Http.Response post = SERVER.http().post("/api/v1/recognitions?mode=digit&mode=number", "image/png",
                Digits.canvasPng(0));
        assertEquals(400, post.status(), post::toString);
        assertTrue(post.json().getString("detail").contains("'mode'"), post::toString);
    }

    @Test
    void aQueryParameterTheOperationDoesNotReadIs400NamingItAndTheAcceptedOnes() {
        Http client = SERVER.http().asClient("unknown-parameter-test-client");
        // A typo of mode: read in digit mode without a word, before.
        Http.Response typo = client.post("/api/v1/recognitions?mdoe=number", "image/png", Digits.canvasPng(0));
        assertEquals(400, typo.status(), typo::toString);
        assertEquals("unknown-parameter", typo.problem());
        assertEquals(Optional.of("application/problem+json"), typo.header("Content-Type"));
        assertTrue(typo.json().getString("detail").contains("'mdoe'"), typo::toString);
        assertTrue(typo.json().getString("detail").contains("model, mode, store, fields"), typo::toString);
        assertEquals(List.of("mdoe"), strings(typo.json().getJsonArray("unknownParameters")));
        assertEquals(List.of("model", "mode", "store", "fields"),
                strings(typo.json().getJsonArray("acceptedParameters")));
        // The request's own path, as every other problem names it, not the path within the API's service ("/").
        assertEquals("/api/v1/recognitions", typo.json().getString("instance"), typo::toString);
        assertTrue(typo.json().getString("detail").contains("POST /api/v1/recognitions accepts"), typo::toString);
        assertEquals(0, client.get("/api/v1/recognitions").json().getJsonArray("items").size(), "nothing stored");

        // Names are case-sensitive, like the values they announce; a parameter another operation reads is no help.
        assertUnknown(client.post("/api/v1/recognitions?Mode=number", "image/png", Digits.canvasPng(0)), "Mode");
        assertUnknown(client.get("/api/v1/recognitions?limit=5&store=false"), "store");
        assertUnknown(client.get("/api/v1/stats?model=mnist-cnn"), "model");
        Http.Response none = client.get("/api/v1/models?verbose=1");
        assertUnknown(none, "verbose");
        assertEquals("/api/v1/models", none.json().getString("instance"), none::toString);
        Http.Response one = client.get("/api/v1/recognitions/01a24403-095d-7510-a260-9703d1797c52/image?size=28");
        assertUnknown(one, "size");
        assertEquals("/api/v1/recognitions/01a24403-095d-7510-a260-9703d1797c52/image",
                one.json().getString("instance"), one::toString);
        assertEquals(List.of(), strings(none.json().getJsonArray("acceptedParameters")));
        assertTrue(none.json().getString("detail").contains("accepts no query parameter"), none::toString);
        // "?=1" names the empty name; control characters are echoed escaped.
        assertUnknown(client.get("/api/v1/stats?=1"), "");
        assertUnknown(client.get("/api/v1/stats?a%1Bb=1"), "a\\u001bb");

        // Many unknown names: the first ten quoted (sorted), the rest counted.
        StringBuilder many = new StringBuilder("/api/v1/stats?");
        for (int i = 0; i < 500; i++) {
            many.append("p").append(1000 + i).append("=1&");
        }
        Http.Response flood = client.get(many.toString());
        assertEquals(400, flood.status(), flood::toString);
        assertEquals(AcceptedParameters.MAX_QUOTED, flood.json().getJsonArray("unknownParameters").size());
        assertTrue(flood.json().getString("detail").contains("and 490 more"), flood::toString);

        // What URL builders leave behind, an empty pair, names nothing.
        assertEquals(200, client.get("/api/v1/recognitions?&limit=5&").status());
        assertEquals(200, client.get("/api/v1/stats?").status());
    }

    private static void assertUnknown(Http.Response response, String name) {
        assertEquals(400, response.status(), response::toString);
        assertEquals("unknown-parameter", response.problem(), response::toString);
        assertEquals(List.of(name), strings(response.json().getJsonArray("unknownParameters")), response::toString);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void aBodyInAContentCodingIs415WithAcceptEncodingIdentity() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(Digits.canvasPng(0));
        }
        Http.Response response = SERVER.http().send(SERVER.http().request("/api/v1/recognitions")
                .header("Content-Type", "image/png").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())).build());

        assertEquals(415, response.status(), response::toString);
        assertEquals("unsupported-media-type", response.problem());
        assertEquals(Optional.of("identity"), response.header("Accept-Encoding"));
    }

    @Test
    void jsonInAnotherCharsetIs415AndAByteOrderMarkIsSkipped() {
        String json = "{\"pixels\": " + Digits.pixelsJson(0) + "}";
        Http.Response utf16 = SERVER.http().post("/api/v1/recognitions", "application/json; charset=utf-16",
                json.getBytes(StandardCharsets.UTF_16));
        assertEquals(415, utf16.status(), utf16::toString);
        assertEquals("unsupported-media-type", utf16.problem());

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Http.Response withBom = SERVER.http().post("/api/v1/recognitions", "application/json; charset=UTF-8",
                concat(bom, json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, withBom.status(), withBom::toString);

        String feedback = "/api/v1/recognitions/" + withBom.json().getString("id") + "/feedback";
        Http.Response put = SERVER.http().send(SERVER.http().request(feedback)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(concat(bom,
                        "{\"label\": 3}".getBytes(StandardCharsets.UTF_8)))).build());
        assertEquals(200, put.status(), put::toString);
        Http.Response putUtf16 = SERVER.http().send(SERVER.http().request(feedback)
                .header("Content-Type", "application/json; charset=utf-16")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                        "{\"label\": 3}".getBytes(StandardCharsets.UTF_16))).build());
        assertEquals(415, putUtf16.status(), putUtf16::toString);
    }

    @Test
    void aJsonMemberNamedTwiceIs400() {
        String stroke = "{\"points\": [[140, 40], [141, 120], [142, 240]]}";
        String ink = "\"width\": 280, \"height\": 280, \"penWidth\": 18";
        for (String body : new String[] {
            // Read one way here and kept verbatim, the stored ink would be read another way by a first-wins reader.
            "{\"ink\": {\"strokes\": [" + stroke + "], \"strokes\": [], " + ink + "}}",
            "{\"ink\": {\"strokes\": [{\"points\": [[1, 2]], \"points\": [[3, 4]]}], " + ink + "}}",
            "{\"mode\": \"number\", \"mode\": \"digit\", \"ink\": {\"strokes\": [" + stroke + "], " + ink + "}}",
            "{\"pixels\": " + Digits.pixelsJson(0) + ", \"pixels\": " + Digits.pixelsJson(1) + "}",
        }) {
            Http.Response response = SERVER.http().postJson("/api/v1/recognitions", body);
            assertEquals(400, response.status(), response::toString);
            assertEquals("bad-request", response.problem());
            assertTrue(response.json().getString("detail").contains("a member name given twice"), response::toString);
        }
        Http.Response once = SERVER.http().postJson("/api/v1/recognitions", "{\"ink\": {\"strokes\": [" + stroke
                + ", " + stroke + "], " + ink + "}}");
        assertEquals(201, once.status(), once::toString);
    }

    @Test
    void twoClientIdHeadersAre400() {
        RawHttp.Response response = new RawHttp(SERVER.server().port()).send("GET /api/v1/recognitions HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Client-Id: first-client-0123456789\r\n"
                + "X-Client-Id: second-client-0123456789\r\nConnection: close\r\n\r\n");
        assertEquals(400, response.status(), response::toString);
        assertEquals("bad-request", response.problem());
        assertTrue(response.json().getString("detail").contains("X-Client-Id is given 2 times"), response::toString);
    }

    @Test
    void theCookieIsNotSecureOverPlainHttpByDefault() {
        String cookie = SERVER.http().asBrowser().get("/").header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("mathsketch_client="), cookie);
        assertFalse(cookie.contains("Secure"), "a browser on http://localhost would never send it back: " + cookie);
    }

    @Test
    void healthProbesAndOtherNonApiRoutesAreHandedNoClientId() {
        for (String path : List.of("/observe/health", "/observe/health/live", "/observe/health/ready",
                "/observe/metrics", "/openapi", "/js/main.js", "/css/app.css", "/favicon.svg")) {
            Http.Response response = SERVER.http().asBrowser().get(path);
            assertEquals(200, response.status(), path + ": " + response);
            assertEquals(Optional.empty(), response.header("Set-Cookie"), path + " hands out an identity");
        }
        // Nor is a probe refused for a client id it has no use for.
        Http.Response live = SERVER.http().asBrowser().withHeader("X-Client-Id", "bad").get("/observe/health/live");
        assertEquals(200, live.status(), live::toString);
        // The page and the API still give a browser its id.
        for (String path : List.of("/", "/index.html", "/api/v1/models")) {
            String cookie = SERVER.http().asBrowser().get(path).header("Set-Cookie").orElse("none");
            assertTrue(cookie.startsWith("mathsketch_client="), path + ": " + cookie);
        }
    }

    @Test
    void anAnswerThatHandsOutAClientIdIsKeptByNoSharedCache() {
        // A shared cache may store an answer that sets a cookie unless told not to (RFC 9111): one that kept the
        // page (ETag, Last-Modified) would give every later visitor the same id, and so one history of drawings.
        for (String path : List.of("/", "/index.html", "/api/v1/models", "/api/v1/stats", "/api/v1/nothing",
                "/api/v1/recognitions")) {
            Http.Response response = SERVER.http().asBrowser().get(path);
            assertTrue(response.header("Set-Cookie").isPresent(), path + ": " + response);
            String cacheControl = response.header("Cache-Control").orElse("none");
            assertTrue(cacheControl.startsWith("private"), path + " hands out an id with Cache-Control: "
                    + cacheControl);
        }
    }

    private static void assertTwice(String path, String name) {
        Http.Response response = SERVER.http().get(path);
        assertEquals(400, response.status(), path + ": " + response);
        assertEquals("bad-request", response.problem());
        assertTrue(response.json().getString("detail").contains("'" + name + "'"), response::toString);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
