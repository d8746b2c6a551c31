package io.mathsketch.server.testing;

import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.Recognizer;

import java.util.List;

/** Hands every call to another recognizer (usually the real engine); a test overrides the one call it changes. */
public abstract class ForwardingRecognizer implements Recognizer {

    private final Recognizer delegate;

    protected ForwardingRecognizer(Recognizer delegate) {
        this.delegate = delegate;
    }

    @Override
    public Recognition recognize(RecognitionRequest request) throws RecognitionException {
        return delegate.recognize(request);
    }

    @Override
    public List<ModelInfo> models() {
        return delegate.models();
    }

    @Override
    public ModelInfo reload(String name) throws RecognitionException.UnknownModel, ModelLoadException {
        return delegate.reload(name);
    }

    @Override
    public boolean ready() {
        return delegate.ready();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
