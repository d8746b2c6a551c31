package io.mathsketch.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code .dockerignore} leaves in the image's build context: everything the Dockerfile copies, every committed
 * model folder included (the server's default {@code engine.models} loads them all, so an image without one cannot
 * start, and its build fails recording the AOT cache). {@code scripts/image-size.sh} builds the same layout without
 * Docker and so never reads this file.
 */
class DockerContextTest {

    @Test
    void everyCommittedModelReachesTheBuildContext() throws IOException {
        List<String> models = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Repository.file("models"))) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("manifest.json"))).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        String relative = Repository.root().relativize(file).toString();
                        assertTrue(sent(relative), relative + " is left out of the Docker build context");
                    }
                }
                models.add(folder.getFileName().toString());
            }
        }
        assertTrue(models.size() >= 4, "the committed models: " + models);
    }

    @Test
    void whatTheDockerfileCopiesIsSentAndBuildOutputIsNot() {
        for (String path : List.of("mvnw", "pom.xml", ".mvn/wrapper/maven-wrapper.properties", "engine/pom.xml",
                "corpus/pom.xml", "server/pom.xml", "training/pom.xml", "benchmarks/pom.xml", "deploy/pom.xml",
                "engine/src/main/java/io/mathsketch/engine/RecognitionRequest.java",
                "server/src/main/resources/web/index.html", "server/jvm.options", "deploy/image/assemble.sh",
                "deploy/image/entrypoint.sh", "deploy/image/record-aot-cache.sh",
                "server/scripts/runtime-modules.txt")) {
            assertTrue(Files.exists(Repository.file(path)), path + " no longer exists: update this test");
            assertTrue(sent(path), path + " is left out of the Docker build context");
        }
        for (String path : List.of("server/target/mathsketch-server.jar", ".git/HEAD", "data/mnist-test/README.md",
                "training/src/main/java/X.java")) {
            assertFalse(sent(path), path + " is sent to the Docker build context");
        }
    }

    /**
     * Whether Docker sends {@code path}: the last {@code .dockerignore} pattern matching it or one of its parent
     * folders decides, a {@code !} pattern sending it again; {@code **} matches any number of folders, none included.
     */
    static boolean sent(String path) {
        boolean sent = true;
        for (String line : Repository.read(".dockerignore").lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            String pattern = negated ? line.substring(1) : line;
            if (matches(pattern, path)) {
                sent = negated;
            }
        }
        return sent;
    }

    private static boolean matches(String pattern, String path) {
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        if (pattern.startsWith("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
        }
        for (Path p = Path.of(path); p != null; p = p.getParent()) {
            for (PathMatcher matcher : matchers) {
                if (matcher.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
