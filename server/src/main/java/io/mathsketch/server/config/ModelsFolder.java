package io.mathsketch.server.config;


import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the models folder. A relative path is tried against the working directory first, then beside the server
 * jar and the jar's parent folders, so both {@code java -jar server/target/mathsketch-server.jar} from the repository
 * root and the packaged layout ({@code /app/mathsketch-server.jar} next to {@code /app/models}) work unchanged.
 */
final class ModelsFolder {

    private ModelsFolder() {
    }

    static Path resolve(String configured) {
        Path path = Path.of(configured);
        if (path.isAbsolute()) {
            return path;
        }
        for (Path candidate : candidates(path)) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        // Nothing found: keep the working-directory path so the engine's error names where it looked.
        return path.toAbsolutePath().normalize();
    }

    private static List<Path> candidates(Path relative) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(relative);
        jarFolder().ifPresent(dir -> {
            for (Path d = dir; d != null && candidates.size() < 5; d = d.getParent()) {
                candidates.add(d.resolve(relative));
            }
        });
        return candidates;
    }

    private static Optional<Path> jarFolder() {
        try {
            var source = ModelsFolder.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(location.getParent());
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
