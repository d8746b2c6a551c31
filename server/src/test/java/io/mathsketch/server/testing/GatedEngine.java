package io.mathsketch.server.testing;

import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.inference.InferenceListener;
import io.mathsketch.engine.testing.BatchGate;
import io.mathsketch.server.RecognizerFactory;

/**
 * The real engine, with a {@link BatchGate} in its inference listener: once armed, the next batch holds its worker
 * until released, so tests can keep a request in flight (shutdown) or fill the queue behind it (overload)
 * deterministically.
 */
public final class GatedEngine implements RecognizerFactory {

    private final BatchGate gate = new BatchGate();

    public void arm() {
        gate.arm();
    }

    public void awaitHeld() throws InterruptedException {
        gate.awaitHeld();
    }

    public void release() {
        gate.release();
    }

    @Override
    public Recognizer open(EngineConfig config, InferenceListener listener) throws ModelLoadException {
        return DjlRecognizer.open(config, new InferenceListener() {
            @Override
            public void onBatch(String model, int digits, int requests, long inferenceNanos) {
                listener.onBatch(model, digits, requests, inferenceNanos);
                gate.pass();
            }

            @Override
            public void onRecognition(String model, Recognition.Timings timings) {
                listener.onRecognition(model, timings);
            }

            @Override
            public void onRejected(String model) {
                listener.onRejected(model);
            }
        });
    }
}
