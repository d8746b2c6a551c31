package io.mathsketch.server;

import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.inference.InferenceListener;

/** Opens the engine; {@code DjlRecognizer::open} in production, a wrapper around it in some tests. */
@FunctionalInterface
public interface RecognizerFactory {

    Recognizer open(EngineConfig config, InferenceListener listener) throws ModelLoadException;
}
