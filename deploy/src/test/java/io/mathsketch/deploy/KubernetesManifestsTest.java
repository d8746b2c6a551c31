package io.mathsketch.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.helidon.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests, parsed into fabric8's typed model (no cluster here): the base and the production overlay
 * as kustomize renders it. Probe paths are checked against the running server in {@link HealthPathsTest}.
 */
class KubernetesManifestsTest {

    private static final String BASE = "deploy/k8s/base";
    private static final String OVERLAY = "deploy/k8s/overlays/production";

    private final Kustomize kustomize = new Kustomize();

    private List<HasMetadata> render(String dir) {
        return kustomize.build(Repository.file(dir));
    }

    @Test
    void theBaseListsEveryManifestInItsFolder() throws IOException {
        Path base = Repository.file(BASE);
        Set<String> listed = new HashSet<>();
        kustomize.kustomization(base).path("resources").forEach(r -> listed.add(r.asString()));
        try (Stream<Path> files = Files.list(base)) {
            Set<String> present = new HashSet<>(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
            assertEquals(present, listed);
        }
        assertEquals(Set.of("ConfigMap", "Secret", "Deployment", "Service", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Ingress"), new HashSet<>(render(BASE).stream().map(HasMetadata::getKind).toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void portsProbesAndServiceAgreeWithTheServersConfiguration(String dir) {
        List<HasMetadata> resources = render(dir);
        Container container = container(resources);
        Map<String, String> env = environment(resources);

        ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow();
        assertEquals(ServerEnvironment.port(env), http.getContainerPort(), "container port = server.port");
        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                container.getReadinessProbe())) {
            assertEquals("http", probe.getHttpGet().getPort().getStrVal(), "probes use the named port");
            assertTrue(probe.getHttpGet().getPath().startsWith("/observe/health/"));
        }
        assertEquals("/observe/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/observe/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertTrue(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold()
                >= 60, "a slow node gets at least a minute to load and warm up the model");

        Service service = Kustomize.find(resources, Service.class, "mathsketch");
        assertEquals("http", service.getSpec().getPorts().getFirst().getTargetPort().getStrVal());
        Map<String, String> podLabels = deployment(resources).getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "service selects pods");
        assertTrue(podLabels.entrySet().containsAll(Kustomize.find(resources, PodDisruptionBudget.class, "mathsketch")
                .getSpec().getSelector().getMatchLabels().entrySet()), "disruption budget selects pods");
        assertEquals(deployment(resources).getSpec().getSelector().getMatchLabels(), podLabels);
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void everyVariableFromTheConfigMapAndSecretIsARealConfigurationKey(String dir) {
        List<HasMetadata> resources = render(dir);
        List<String> sources = container(resources).getEnvFrom().stream()
                .map(e -> e.getConfigMapRef() != null ? e.getConfigMapRef().getName() : e.getSecretRef().getName())
                .toList();
        assertEquals(List.of("mathsketch-config", "mathsketch-secrets"), sources);
        for (EnvFromSource source : container(resources).getEnvFrom()) {
            assertTrue(source.getConfigMapRef() == null || !Boolean.TRUE.equals(source.getConfigMapRef().getOptional()));
        }
        Map<String, String> env = environment(resources);
        assertTrue(env.keySet().containsAll(Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_TOKEN")), env::toString);
        for (String name : env.keySet()) {
            assertTrue(ServerEnvironment.reads(env, name), name + " is not a configuration key the server reads");
        }
        assertFalse(ServerEnvironment.reads(env, "ENGINE_WORKER"), "a misspelt variable is caught");
        Set<String> secretKeys = secretData(Kustomize.find(resources, Secret.class, "mathsketch-secrets")).keySet();
        assertEquals(Set.of("DB_USER", "DB_PASSWORD", "ADMIN_TOKEN"), secretKeys, "credentials only in the Secret");
    }

    /** Every pod must share the PostgreSQL: a DB_URL lost on the way to an embedded H2 file stops start-up. */
    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void podsRequireTheSharedDatabase(String dir) {
        Map<String, String> env = environment(render(dir));
        assertEquals("true", env.get("DB_REQUIRE_EXTERNAL"), dir);
        assertTrue(ServerEnvironment.settings(env).database().requireExternal(), dir);
        Map<String, String> withoutUrl = new HashMap<>(env);
        withoutUrl.remove("DB_URL");
        assertThrows(ConfigException.class, () -> ServerEnvironment.settings(withoutUrl), dir);
    }

    /** Behind the ingress every pod sees the ingress's address: the limits must key on the entry it appends. */
    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void rateLimitsTheClientsAddressNotTheIngress(String dir) {
        assertEquals("1", environment(render(dir)).get("RATE_LIMIT_FORWARDED_HOPS"),
                "one ingress appends the client's address to X-Forwarded-For");
    }

    /**
     * Browsers reach the pods through the ingress: over TLS for every host it routes (the client-id cookie is
     * Secure), to the Service's port, and with a body limit that lets a photo at {@code limits.max-payload-bytes}
     * through while the server, not the ingress, refuses what is larger with its problem document.
     */
    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void theIngressServesHttpsToTheServiceAndPassesEveryAcceptedBody(String dir) {
        List<HasMetadata> resources = render(dir);
        Ingress ingress = Kustomize.find(resources, Ingress.class, "mathsketch");
        Service service = Kustomize.find(resources, Service.class, "mathsketch");
        Set<String> routed = new HashSet<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            routed.add(rule.getHost());
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                assertEquals(service.getMetadata().getName(), path.getBackend().getService().getName());
                assertEquals(service.getSpec().getPorts().getFirst().getName(),
                        path.getBackend().getService().getPort().getName());
            }
        }
        Set<String> secured = new HashSet<>();
        ingress.getSpec().getTls().forEach(tls -> secured.addAll(tls.getHosts()));
        assertEquals(routed, secured, "every routed host is served over TLS");
        assertEquals("true", environment(resources).get("SERVER_SECURE_COOKIE"));

        assertEquals("nginx", ingress.getSpec().getIngressClassName(), "the annotations are ingress-nginx's");
        long bodyLimit = nginxSize(ingress.getMetadata().getAnnotations()
                .get("nginx.ingress.kubernetes.io/proxy-body-size"));
        var settings = ServerEnvironment.settings(environment(resources));
        assertTrue(bodyLimit > settings.maxPayloadBytes(), "a body at the server's limit reaches the server");
        assertTrue(bodyLimit <= settings.drainedPayloadBytes(), "the server still answers a body the ingress passes");
    }

    /** An nginx size: a number with an optional k or m suffix (powers of 1024). */
    private static long nginxSize(String size) {
        Matcher m = Pattern.compile("(\\d+)([kKmM]?)").matcher(size);
        assertTrue(m.matches(), "an nginx size: " + size);
        long unit = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            default -> 1L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void shutdownIsGracefulAndCoveredByTheTerminationGracePeriod(String dir) {
        List<HasMetadata> resources = render(dir);
        PodSpec pod = deployment(resources).getSpec().getTemplate().getSpec();
        List<String> preStop = container(resources).getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.getFirst());
        Duration endpointRemoval = Duration.ofSeconds(Long.parseLong(preStop.get(1)));
        assertTrue(endpointRemoval.toSeconds() >= 3, "long enough for kube-proxy and ingresses to drop the pod");
        Duration drain = ServerEnvironment.shutdownGrace(environment(resources));
        Duration finalCommit = Duration.ofSeconds(5);
        assertTrue(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds())
                        .compareTo(endpointRemoval.plus(drain).plus(finalCommit)) >= 0,
                "terminationGracePeriodSeconds covers preStop " + endpointRemoval + " + server.shutdown-grace "
                        + drain + " + the final commit");
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void runsAsTheImagesNonRootUserOnAReadOnlyRootWithWritableTmpAndData(String dir) {
        List<HasMetadata> resources = render(dir);
        PodSpec pod = deployment(resources).getSpec().getTemplate().getSpec();
        Container container = container(resources);
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(dockerfileUid(), pod.getSecurityContext().getRunAsUser(), "the Dockerfile's user");
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        Set<String> writable = new HashSet<>(container.getVolumeMounts().stream().map(VolumeMount::getMountPath)
                .toList());
        assertEquals(Set.of("/tmp", "/app/data"), writable, "ONNX Runtime's natives and the JVM in /tmp; DJL and H2 in"
                + " /app/data (DJL_CACHE_DIR in the Dockerfile)");
        assertTrue(Repository.read("Dockerfile").contains("DJL_CACHE_DIR=/app/data/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void memoryCoversTheFixedHeapAndNativeMemory(String dir) {
        Container container = container(render(dir));
        Quantity request = container.getResources().getRequests().get("memory");
        Quantity limit = container.getResources().getLimits().get("memory");
        assertEquals(request, limit, "the footprint is flat by design: request = limit");
        long heap = heapBytes();
        // Measured RSS at full load beyond the heap: ~230 MB (README, "Deployment"); the limit must leave that room.
        assertTrue(limit.getNumericalAmount().longValue() >= heap + 230L * 1024 * 1024,
                "memory limit " + limit + " leaves room beyond the " + heap / 1024 / 1024 + " MB heap");
        assertNotNull(container.getResources().getRequests().get("cpu"));
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void autoscalerAndDisruptionBudgetFitTheDeployment(String dir) {
        List<HasMetadata> resources = render(dir);
        HorizontalPodAutoscaler hpa = Kustomize.find(resources, HorizontalPodAutoscaler.class, "mathsketch");
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment(resources).getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "one pod lost never takes the service down");
        assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
        assertEquals("cpu", hpa.getSpec().getMetrics().getFirst().getResource().getName());
        assertTrue(deployment(resources).getSpec().getReplicas() >= hpa.getSpec().getMinReplicas());
        PodDisruptionBudget pdb = Kustomize.find(resources, PodDisruptionBudget.class, "mathsketch");
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
    }

    @Test
    void theOverlayChangesImageScaleDatabaseHostAndSecretsOnly() {
        List<HasMetadata> base = render(BASE);
        List<HasMetadata> overlay = render(OVERLAY);
        assertEquals(base.size(), overlay.size());
        overlay.forEach(r -> assertEquals("mathsketch", r.getMetadata().getNamespace()));
        assertEquals("registry.example.com/mathsketch:0.1.0", container(overlay).getImage());
        assertEquals(3, deployment(overlay).getSpec().getReplicas());
        HorizontalPodAutoscaler hpa = Kustomize.find(overlay, HorizontalPodAutoscaler.class, "mathsketch");
        assertEquals(3, hpa.getSpec().getMinReplicas());
        assertEquals(10, hpa.getSpec().getMaxReplicas());
        assertTrue(environment(overlay).get("DB_URL").startsWith("jdbc:postgresql://"));
        assertEquals(environment(base).keySet(), environment(overlay).keySet(), "same variables, other values");
        assertEquals("sketch.example.com", Kustomize.find(overlay, Ingress.class, "mathsketch").getSpec().getRules()
                .getFirst().getHost());
    }

    private static Deployment deployment(List<HasMetadata> resources) {
        return Kustomize.find(resources, Deployment.class, "mathsketch");
    }

    private static Container container(List<HasMetadata> resources) {
        List<Container> containers = deployment(resources).getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.getFirst();
    }

    /** What the container's environment holds: the ConfigMap's and the Secret's keys and values. */
    private static Map<String, String> environment(List<HasMetadata> resources) {
        Map<String, String> env = new LinkedHashMap<>(Kustomize.find(resources, ConfigMap.class, "mathsketch-config")
                .getData());
        env.putAll(secretData(Kustomize.find(resources, Secret.class, "mathsketch-secrets")));
        return env;
    }

    private static Map<String, String> secretData(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, new String(java.util.Base64.getDecoder().decode(v),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            data.putAll(secret.getStringData());
        }
        return data;
    }

    private static long dockerfileUid() {
        Matcher uid = Pattern.compile("useradd [^\\n]*--uid (\\d+)").matcher(Repository.read("Dockerfile"));
        assertTrue(uid.find(), "the Dockerfile creates its user with a fixed uid");
        return Long.parseLong(uid.group(1));
    }

    /** The fixed heap of {@code server/jvm.options} (-Xmx), which the image runs with. */
    static long heapBytes() {
        Matcher xmx = Pattern.compile("(?m)^-Xmx(\\d+)([mMgG])$").matcher(Repository.read("server/jvm.options"));
        assertTrue(xmx.find(), "server/jvm.options sets -Xmx");
        return Long.parseLong(xmx.group(1)) * 1024 * 1024 * (xmx.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    }
}
