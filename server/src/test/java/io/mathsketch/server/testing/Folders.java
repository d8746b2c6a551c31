package io.mathsketch.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of tests: made fresh, removed without a trace. */
public final class Folders {

    private Folders() {
    }

    /** A fresh temporary copy of the committed model folder {@code name}, inside a new models folder. */
    public static Path copyOfModel(String name) {
        try {
            Path models = Files.createTempDirectory("mathsketch-models");
            Path target = Files.createDirectories(models.resolve(name));
            try (Stream<Path> files = Files.list(TestServer.modelsFolder().resolve(name))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
