package io.mathsketch.server.testing;

import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.inference.InferenceListener;
import io.mathsketch.server.RecognizerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real engine, with a gate in its inference listener: once armed, the next batch holds its worker until
 * released, so tests can keep a request in flight (shutdown) or fill the queue behind it (overload) deterministically.
 */
public final class GatedEngine implements RecognizerFactory {

    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    public void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public void awaitHeld() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no inference started within 30 s");
        }
    }

    public void release() {
        release.countDown();
    }

    @Override
    public Recognizer open(EngineConfig config, InferenceListener listener) throws ModelLoadException {
        return DjlRecognizer.open(config, new InferenceListener() {
            @Override
            public void onBatch(String model, int digits, int requests, long inferenceNanos) {
                listener.onBatch(model, digits, requests, inferenceNanos);
                CountDownLatch gate = release;
                if (entered.getCount() > 0) {
                    entered.countDown();
                    try {
                        gate.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
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
