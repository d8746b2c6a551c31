package io.mathsketch.server.store;

import io.mathsketch.engine.image.Box;

import io.mathsketch.engine.Recognition;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recognition as the API shows it and the database keeps it: the answer, where it came from, and any feedback.
 *
 * @param id time-ordered UUIDv7 string
 * @param createdAt when it was recognised (millisecond precision, UTC)
 * @param mode {@code digit} or {@code number}
 * @param text the answer
 * @param confidence confidence of the whole answer
 * @param labels the model's labels, parallel to each reading's probabilities
 * @param readings one per digit, left to right
 * @param inputPixels the normalised 28x28 input of each digit, 784 bytes per digit (0 = no ink, 255 = ink)
 * @param original the image as received, when it was an image and within the storage cap
 * @param contentType content type of {@code original}
 * @param model model name and version
 * @param engine engine that ran it
 * @param device device it ran on
 * @param timings time per stage
 * @param feedback the label a user said was right, if any
 * @param owner {@link io.mathsketch.server.access.ClientId#ownerKey()} of the client that posted it; empty for rows
 *              stored before owners were recorded, which only the admin token sees
 */
public record RecognitionRecord(String id, Instant createdAt, String mode, String text, double confidence,
                                List<String> labels, List<Reading> readings, byte[] inputPixels,
                                Optional<byte[]> original, Optional<String> contentType, Recognition.ModelRef model,
                                String engine, String device, Recognition.Timings timings,
                                Optional<Feedback> feedback, Optional<String> owner) {

    public RecognitionRecord {
        Objects.requireNonNull(id, "id");
        labels = List.copyOf(labels);
        readings = List.copyOf(readings);
    }

    /** Bytes of the row's images: its 28x28 input pixels and, when kept, its original as received. */
    public long imageBytes() {
        return inputPixels.length + original.map(bytes -> bytes.length).orElse(0);
    }

    public RecognitionRecord withFeedback(Feedback value) {
        return new RecognitionRecord(id, createdAt, mode, text, confidence, labels, readings, inputPixels, original,
                contentType, model, engine, device, timings, Optional.of(value), owner);
    }

    /**
     * One digit of the answer.
     *
     * @param label winning label
     * @param confidence its probability
     * @param probabilities probability of every label
     * @param box where it was found in the source image
     */
    public record Reading(String label, double confidence, float[] probabilities, Box box) {
    }

    /**
     * A user's correction (or confirmation).
     *
     * @param label the right answer
     * @param at when it was given
     */
    public record Feedback(String label, Instant at) {
    }
}
