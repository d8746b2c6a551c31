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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The paths of the page's files as the static content feature serves them ({@code /}, {@code /index.html},
 * {@code /js/main.js}), listed once at start-up from their classpath folder, in the packaged jar or in a build's
 * class folder: the paths that exist for the 405 fallback, which the feature cannot tell, and their sizes for the
 * checks of {@link PageRequestHeaders}.
 */
final class PageFiles {

    /** The file {@code /} serves. */
    static final String WELCOME = "index.html";

    private PageFiles() {
    }

    /**
     * {@code /} (the welcome file) and every file under {@code folder}, as request paths in that order (the rest
     * sorted), each with its file's size in bytes.
     */
    static Map<String, Long> sizes(String folder) {
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

    private static Map<String, Long> walk(Path root) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.walk(root)) {
            found = files.filter(Files::isRegularFile).toList();
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("/", Files.size(root.resolve(WELCOME)));
        for (Path file : found.stream().sorted(Comparator.comparing(f -> path(root, f))).toList()) {
            sizes.put(path(root, file), Files.size(file));
        }
        return Collections.unmodifiableMap(sizes);
    }

    private static String path(Path root, Path file) {
        return "/" + root.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
