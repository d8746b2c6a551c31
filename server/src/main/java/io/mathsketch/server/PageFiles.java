package io.mathsketch.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The paths of the page's files as the static content feature serves them ({@code /}, {@code /index.html},
 * {@code /js/main.js}), listed once at start-up from their classpath folder, in the packaged jar or in a build's
 * class folder: the paths that exist for the 405 fallback, which the feature cannot tell.
 */
final class PageFiles {

    private PageFiles() {
    }

    /** {@code /} (the welcome file) and every file under {@code folder}, as request paths. */
    static List<String> list(String folder) {
        URL root = PageFiles.class.getClassLoader().getResource(folder);
        if (root == null) {
            throw new IllegalStateException("the page's folder '" + folder + "' is not on the class path");
        }
        try {
            URI uri = root.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return walk(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return walk(jar.getPath("/" + folder));
            } catch (FileSystemAlreadyExistsException e) {
                // Opened by someone else, who closes it.
                return walk(FileSystems.getFileSystem(uri).getPath("/" + folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the page's files in " + root, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the page's files in " + root, e);
        }
    }

    private static List<String> walk(Path root) throws IOException {
        List<String> paths = new ArrayList<>(List.of("/"));
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString())
                    .map(relative -> "/" + relative.replace(File.separatorChar, '/')).sorted().forEach(paths::add);
        }
        return paths;
    }
}
