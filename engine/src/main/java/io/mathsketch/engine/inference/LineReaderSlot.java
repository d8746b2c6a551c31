package io.mathsketch.engine.inference;

import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.number.LineScorer;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The line reader number mode reads with: the version loaded last. A reload swaps in the fresh version before the
 * old one is closed, so a read that finds the old one closing reads the line again with the fresh one; only a read
 * after the recognizer is shut down fails.
 */
final class LineReaderSlot implements LineScorer, AutoCloseable {

    private final AtomicReference<LineReaderModel> current;
    private volatile boolean closed;

    LineReaderSlot(LineReaderModel first) {
        this.current = new AtomicReference<>(first);
    }

    String name() {
        return current.get().manifest().name();
    }

    ModelInfo info() {
        return current.get().info();
    }

    @Override
    public float[][] logits(float[] line) throws RecognitionException {
        while (!closed) {
            Optional<float[][]> read = current.get().read(line);
            if (read.isPresent()) {
                return read.get();
            }
        }
        throw new RecognitionException.InferenceFailed("the line reader is shut down", null);
    }

    /** Puts {@code fresh} in place, then closes the version it replaces once its reads are done. */
    ModelInfo swap(LineReaderModel fresh) {
        current.getAndSet(fresh).close();
        return fresh.info();
    }

    @Override
    public void close() {
        closed = true;
        current.get().close();
    }
}
