package io.mathsketch.server.store;

import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.image.Box;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Recognition rows for store tests: a "7" read with certainty, at a given time, of a given size and owner. */
final class StoredRows {

    private StoredRows() {
    }

    /** A row with a fresh id of its time (milliseconds, as the store keeps them). */
    static RecognitionRecord row(Instant at, int originalBytes, String owner) {
        return row(at, originalBytes, new RecognitionIds().next(at.truncatedTo(ChronoUnit.MILLIS)), owner);
    }

    static RecognitionRecord row(Instant at, int originalBytes, String id, String owner) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        float[] probabilities = new float[10];
        probabilities[7] = 1;
        return new RecognitionRecord(id, time, "digit", "7", 0.99,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                List.of(new RecognitionRecord.Reading("7", 0.99, probabilities, new Box(0, 0, 28, 28))),
                new byte[784], Optional.of(new byte[originalBytes]), Optional.of("image/png"),
                new Recognition.ModelRef("mnist-cnn", "1.0.0"), "OnnxRuntime", "cpu()",
                new Recognition.Timings(1, 1, 1, 1), Optional.empty(), Optional.of(owner));
    }
}
