package io.mathsketch.engine.inference;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.preprocess.LineCentering;

import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One loaded version of number mode's line reader: one line per number, read on the request's thread with a predictor
 * of its own (the engine's session is shared and thread-safe; a DJL predictor is not), so it needs no batching.
 * Warmed up with one blank line when loaded. Closing it waits for the lines being read, then frees the session; a
 * read that comes after is refused ({@link #read} answers empty), so that a reload can swap versions under load.
 */
final class LineReaderModel implements AutoCloseable {

    /** Lines are read on the requests' own threads, by no worker of the engine's: what {@link ModelInfo} reports. */
    static final int WORKERS = 0;

    private final ZooModel<float[][], float[][][]> model;
    private final ModelFolder folder;
    private final String engine;
    private final String device;
    // Reads hold the read lock; close takes the write lock, so it waits for them and none starts after it.
    private final ReadWriteLock use = new ReentrantReadWriteLock();
    private boolean closed;

    private LineReaderModel(ZooModel<float[][], float[][][]> model, ModelFolder folder, ModelLoader loader) {
        this.model = model;
        this.folder = folder;
        this.engine = loader.engine();
        this.device = loader.device().toString();
    }

    /** Loads the folder's line reader and reads one blank line with it. */
    static LineReaderModel start(ModelLoader loader, ModelFolder folder) throws ModelLoadException {
        LineReaderModel reader = new LineReaderModel(loader.loadLines(folder), folder, loader);
        try {
            reader.read(new float[LineCentering.HEIGHT * LineCentering.WIDTH]).orElseThrow();
            return reader;
        } catch (RecognitionException | RuntimeException e) {
            reader.close();
            throw new ModelLoadException("line reader '" + folder.manifest().name() + "' failed its warm-up"
                    + " inference: " + e.getMessage(), e);
        }
    }

    ModelManifest manifest() {
        return folder.manifest();
    }

    /** The line's logits, one row per step; empty once this version is closed (the caller takes the current one). */
    Optional<float[][]> read(float[] line) throws RecognitionException {
        use.readLock().lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            try (Predictor<float[][], float[][][]> predictor = model.newPredictor()) {
                return Optional.of(predictor.predict(new float[][] {line})[0]);
            } catch (TranslateException e) {
                throw new RecognitionException.InferenceFailed("the line reader failed: " + e.getMessage(), e);
            }
        } finally {
            use.readLock().unlock();
        }
    }

    /** As listed beside the pools: never the default, read on the requests' threads one line at a time. */
    ModelInfo info() {
        return folder.info(engine, device, false, WORKERS, 1);
    }

    /** Waits for the lines being read, then frees the session. Idempotent. */
    @Override
    public void close() {
        use.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            use.writeLock().unlock();
        }
        model.close();
    }
}
