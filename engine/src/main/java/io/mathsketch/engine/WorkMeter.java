package io.mathsketch.engine;

/**
 * Told the work a recognition did beyond decoding, in pixel visits (one pixel read or written once, the unit an
 * image's decoding and ink's drawing are counted in), so that whoever pays for a request (the server's rate limits)
 * can charge what it really cost: a photo or a scanned page searched for its digit visits its working plane up to
 * {@code PhotoInk.MAX_PASSES} times, many times what decoding it did, and number mode's search has every candidate
 * read by up to three models ({@link #MODEL_INPUT} each). Called on the recognising thread, also when the recognition
 * then fails (a blank page costs the most).
 */
@FunctionalInterface
public interface WorkMeter {

    /**
     * The pixel visits one input a model reads is counted as (a 28x28 digit; a line reader's field as the 28x28
     * inputs its pixels would fill): about the CPU a photo's search spends on so many visits (docs/deployment.md,
     * "What an image costs").
     */
    long MODEL_INPUT = 30_000;

    /** Counts nothing: for callers that do not charge for work. */
    WorkMeter NONE = pixelVisits -> {
    };

    /** Adds {@code pixelVisits} done. */
    void add(long pixelVisits);
}
