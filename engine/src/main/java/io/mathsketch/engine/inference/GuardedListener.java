package io.mathsketch.engine.inference;

import io.mathsketch.engine.Recognition;

import java.lang.System.Logger.Level;

/** Wraps a listener so that a failing metrics hook is logged and never fails the recognition that triggered it. */
final class GuardedListener implements InferenceListener {

    private static final System.Logger LOG = System.getLogger(GuardedListener.class.getName());

    private final InferenceListener delegate;

    private GuardedListener(InferenceListener delegate) {
        this.delegate = delegate;
    }

    static InferenceListener of(InferenceListener listener) {
        return listener instanceof GuardedListener ? listener : new GuardedListener(listener);
    }

    @Override
    public void onBatch(String model, int digits, int requests, long inferenceNanos) {
        try {
            delegate.onBatch(model, digits, requests, inferenceNanos);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inference listener failed in onBatch", e);
        }
    }

    @Override
    public void onRecognition(String model, Recognition.Timings timings) {
        try {
            delegate.onRecognition(model, timings);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inference listener failed in onRecognition", e);
        }
    }

    @Override
    public void onRejected(String model) {
        try {
            delegate.onRejected(model);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inference listener failed in onRejected", e);
        }
    }
}
