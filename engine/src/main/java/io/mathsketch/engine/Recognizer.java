package io.mathsketch.engine;

import java.util.List;

/**
 * What the rest of MathSketch (server, benchmarks, CLI) sees of the engine: recognise an input with a loaded model,
 * list and reload models. Implementations are thread-safe; closing drains queued work, then frees native memory.
 */
public interface Recognizer extends AutoCloseable {

    /** Recognises one input; blocks the calling (virtual) thread until its answer is ready. */
    Recognition recognize(RecognitionRequest request) throws RecognitionException;

    /**
     * Like {@link #recognize(RecognitionRequest)}, telling {@code work} what the preprocessing did beyond decoding
     * ({@link WorkMeter}), whether it then answers or fails. One that does no such work tells it nothing.
     */
    default Recognition recognize(RecognitionRequest request, WorkMeter work) throws RecognitionException {
        return recognize(request);
    }

    /** Loaded models, the default first. */
    List<ModelInfo> models();

    /**
     * Reloads a model from its folder (re-verifying checksums). In-flight requests finish on the old instance; new
     * ones go to the new instance once it is warmed up.
     */
    ModelInfo reload(String name) throws RecognitionException.UnknownModel, ModelLoadException;

    /** True once every configured model is loaded and warmed up. */
    boolean ready();

    @Override
    void close();
}
