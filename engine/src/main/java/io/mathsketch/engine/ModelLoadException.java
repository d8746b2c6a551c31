package io.mathsketch.engine;

/**
 * A model folder could not be loaded: missing or tampered artifact, bad manifest, unknown engine, engine natives
 * absent, GPU requested but not available. The message always names the fix.
 */
public final class ModelLoadException extends Exception {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
