package io.mathsketch.engine.testing;

import io.mathsketch.engine.mnist.CommittedSubset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helper shared through the engine's test-jar: the folders of this checkout (committed data, models, the
 * server's migrations), found from whichever module's folder a test runs in by walking up to the repository root.
 */
public final class Checkout {

    /** What only the repository root holds: the committed MNIST subset. */
    private static final String MARK = CommittedSubset.FOLDER;

    private Checkout() {
    }

    /** The nearest folder at or above the working directory that holds {@code data/mnist-subset}. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(MARK))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + MARK + " folder above " + start + ": run from a MathSketch checkout");
    }

    /** The folder at {@code relative} (a path with '/') below the root; fails naming it when it is missing. */
    public static Path folder(String relative) {
        Path root = root();
        Path folder = root.resolve(relative);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no " + relative + " folder in the checkout at " + root);
        }
        return folder;
    }

    /** The committed {@code models/} folder, as the server's {@code engine.models-directory} names it. */
    public static Path models() {
        return folder("models");
    }

    /** The checkout's Markdown: the README, docs/, the modules' READMEs and the model cards, in that order. */
    public static List<Path> markdown() throws IOException {
        Path root = root();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(pages::add);
        }
        try (Stream<Path> models = Files.list(root.resolve("models"))) {
            models.map(m -> m.resolve("MODEL_CARD.md")).filter(Files::isRegularFile).sorted().forEach(pages::add);
        }
        return pages;
    }
}
