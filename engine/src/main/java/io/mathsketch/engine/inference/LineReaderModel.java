package io.mathsketch.engine.inference;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.number.LineScorer;
import io.mathsketch.engine.preprocess.LineCentering;

/**
 * Number mode's line reader, loaded beside the model pools: one line per number, read on the request's thread with
 * a predictor of its own (the engine's session is shared and thread-safe; a DJL predictor is not), so it needs no
 * batching. Warmed up with one blank line when loaded. Closing it frees the session.
 */
final class LineReaderModel implements LineScorer, AutoCloseable {

    private final ZooModel<float[][], float[][][]> model;
    private final ModelManifest manifest;

    private LineReaderModel(ZooModel<float[][], float[][][]> model, ModelManifest manifest) {
        this.model = model;
        this.manifest = manifest;
    }

    /** Loads the folder's line reader and reads one blank line with it. */
    static LineReaderModel start(ModelLoader loader, ModelFolder folder) throws ModelLoadException {
        LineReaderModel reader = new LineReaderModel(loader.loadLines(folder), folder.manifest());
        try {
            reader.logits(new float[LineCentering.HEIGHT * LineCentering.WIDTH]);
            return reader;
        } catch (RecognitionException | RuntimeException e) {
            reader.close();
            throw new ModelLoadException("line reader '" + folder.manifest().name() + "' failed its warm-up"
                    + " inference: " + e.getMessage(), e);
        }
    }

    ModelManifest manifest() {
        return manifest;
    }

    @Override
    public float[][] logits(float[] line) throws RecognitionException {
        try (Predictor<float[][], float[][][]> predictor = model.newPredictor()) {
            return predictor.predict(new float[][] {line})[0];
        } catch (TranslateException e) {
            throw new RecognitionException.InferenceFailed("the line reader failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
