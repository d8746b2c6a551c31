package io.mathsketch.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.JsonPatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Renders a kustomization offline into typed Kubernetes objects, implementing exactly the kustomize features our
 * manifests use (resources, namespace, images, config map and secret generators with merge/replace, JSON 6902
 * patches by kind and name). A kustomization using anything else fails here, so the rendering never silently
 * differs from what {@code kubectl kustomize} would produce. Generated names keep no hash suffix.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "configMapGenerator", "secretGenerator", "patches");
    /** Secret values come from these files; the real one is git-ignored, so tests read the committed example. */
    private static final String EXAMPLE_SUFFIX = ".example";

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final YAMLMapper yaml = new YAMLMapper();
    private final JsonMapper json = new JsonMapper();

    /** The kustomization's fields, for tests that check them directly. */
    JsonNode kustomization(Path dir) {
        return yaml.readTree(read(dir.resolve("kustomization.yaml")));
    }

    List<HasMetadata> build(Path dir) {
        JsonNode k = kustomization(dir);
        k.propertyNames().forEach(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + field
                        + "', which this offline rendering does not implement");
            }
        });
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path path = dir.resolve(entry.asString()).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path) : parse(path));
        }
        if (k.has("namespace")) {
            resources.forEach(r -> r.getMetadata().setNamespace(k.get("namespace").asString()));
        }
        for (JsonNode image : k.path("images")) {
            setImage(resources, image);
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            Map<String, String> data = literals(generator);
            ConfigMap map = find(resources, ConfigMap.class, generator.get("name").asString());
            if (!"merge".equals(generator.path("behavior").asString())) {
                map.getData().clear();
            }
            map.getData().putAll(data);
        }
        for (JsonNode generator : k.path("secretGenerator")) {
            Secret secret = find(resources, Secret.class, generator.get("name").asString());
            Map<String, String> data = new LinkedHashMap<>();
            for (JsonNode env : generator.path("envs")) {
                data.putAll(envFile(dir.resolve(env.asString() + EXAMPLE_SUFFIX)));
            }
            data.putAll(literals(generator));
            if (!"merge".equals(generator.path("behavior").asString())) {
                secret.setStringData(new LinkedHashMap<>());
                secret.setData(new LinkedHashMap<>());
            }
            data.forEach((key, value) -> secret.getData().put(key,
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        }
        List<HasMetadata> patched = new ArrayList<>();
        for (HasMetadata resource : resources) {
            patched.add(patch(resource, k.path("patches")));
        }
        return patched;
    }

    /** Every document of one manifest file, as typed objects. */
    List<HasMetadata> parse(Path file) {
        Object parsed = serialization.unmarshal(read(file));
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }

    static <T extends HasMetadata> T find(List<HasMetadata> resources, Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    private HasMetadata patch(HasMetadata resource, JsonNode patches) {
        HasMetadata result = resource;
        for (JsonNode p : patches) {
            JsonNode target = p.get("target");
            if (target.get("kind").asString().equals(resource.getKind())
                    && target.get("name").asString().equals(resource.getMetadata().getName())) {
                JsonNode operations = yaml.readTree(p.get("patch").asString());
                JsonNode source = json.readTree(serialization.asJson(result));
                result = serialization.unmarshal(json.writeValueAsString(JsonPatch.apply(operations, source)),
                        resource.getClass());
            }
        }
        return result;
    }

    private static void setImage(List<HasMetadata> resources, JsonNode image) {
        String name = image.get("name").asString();
        String replacement = image.path("newName").asString(name) + ":" + image.path("newTag").asString("latest");
        for (HasMetadata r : resources) {
            if (r instanceof Deployment d) {
                for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                    if (c.getImage().equals(name) || c.getImage().startsWith(name + ":")) {
                        c.setImage(replacement);
                    }
                }
            }
        }
    }

    private static Map<String, String> literals(JsonNode generator) {
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asString();
            int eq = text.indexOf('=');
            data.put(text.substring(0, eq), text.substring(eq + 1));
        }
        return data;
    }

    private static Map<String, String> envFile(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> data = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> data.put(key, properties.getProperty(key)));
        return data;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
