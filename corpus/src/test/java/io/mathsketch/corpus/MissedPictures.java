package io.mathsketch.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the tuning aids: reads a picture with the committed model and, given a folder, writes each missed picture
 * there, named by its digit, its reading and its source, to look at.
 */
public final class MissedPictures {

    private final CommittedModel model;
    private final Path folder;

    /** {@code folder} may be null: then nothing is written. */
    public MissedPictures(CommittedModel model, Path folder) throws IOException {
        this.model = model;
        this.folder = folder == null ? null : Files.createDirectories(folder);
    }

    /** The reading of {@code bytes}, which show {@code label}; a miss is written as {@code <label>-read-<read>-<source><extension>}. */
    public String read(byte[] bytes, int label, String source, String extension) {
        String read = model.read(bytes);
        if (folder != null && !read.equals(Integer.toString(label))) {
            try {
                Files.write(folder.resolve(label + "-read-" + read + "-" + source.replace(' ', '_').replace('#', 'n')
                        + extension), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }
}
