package io.mathsketch.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.helidon.config.Config;
import io.helidon.metrics.api.Metrics;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.MathSketchServer;
import io.mathsketch.server.config.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every health path a platform probes (Kubernetes probes in the base and the overlay, fly.io's checks) answers 200 on
 * the real server once it is up, over HTTP/1.1 with a Host header as kubelet and fly's proxy send it, and is never
 * rate-limited: a probe polls far more often than a client, from one address, and a refused probe takes the instance
 * out. The same address's metrics scrapes are limited, which shows the limit is on.
 */
class HealthPathsTest {

    @TempDir
    Path data;

    @Test
    void everyProbedPathIsServedAndNeverRateLimited() throws Exception {
        Set<String> paths = new TreeSet<>();
        Kustomize kustomize = new Kustomize();
        for (String dir : new String[] {"deploy/k8s/base", "deploy/k8s/overlays/production"}) {
            Container container = Kustomize.find(kustomize.build(Repository.file(dir)), Deployment.class, "mathsketch")
                    .getSpec().getTemplate().getSpec().getContainers().getFirst();
            for (Probe probe : new Probe[] {container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe()}) {
                paths.add(probe.getHttpGet().getPath());
            }
        }
        FlyConfigTest.fly().get("http_service").get("checks").forEach(c -> paths.add(c.get("path").asString()));

        Config config = ServerEnvironment.config(Map.of(
                "SERVER_PORT", "0",
                "SERVER_HOST", "127.0.0.1",
                "ENGINE_MODELS_DIR", Repository.file("models").toString(),
                "ENGINE_WORKERS", "1",
                // One request per address at once and one a second: every probe below comes from one address.
                "RATE_LIMIT_PER_ADDRESS", "1",
                "RATE_LIMIT_ADDRESS_BURST", "1",
                "DB_URL", "jdbc:h2:file:" + data.resolve("db/mathsketch")));
        try (MathSketchServer server = MathSketchServer.start(config, ServerSettings.from(config),
                DjlRecognizer::open, Metrics.globalRegistry());
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int round = 0; round < 5; round++) {
                for (String path : paths) {
                    HttpResponse<String> response = get(client, server, path);
                    assertEquals(200, response.statusCode(), path + " (round " + round + "): " + response.body());
                }
            }
            assertEquals(200, get(client, server, "/observe/metrics").statusCode());
            assertEquals(429, get(client, server, "/observe/metrics").statusCode(), "the address limit is on");
        }
    }

    private static HttpResponse<String> get(HttpClient client, MathSketchServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                // Generous: this checks the paths exist, not speed; a just-started server on a loaded 2-core
                // machine answered its first request after more than 10 s.
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
