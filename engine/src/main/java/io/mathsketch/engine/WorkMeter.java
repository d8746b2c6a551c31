package io.mathsketch.engine;

/**
 * Told the work a recognition's preprocessing did beyond decoding, in pixel visits (one pixel read or written once,
 * the unit an image's decoding and ink's drawing are counted in), so that whoever pays for a request (the server's
 * rate limits) can charge what it really cost: a photo or a scanned page searched for its digit visits its working
 * plane up to {@code PhotoInk.MAX_PASSES} times, many times what decoding it did. Called on the recognising thread,
 * also when the recognition then fails (a blank page costs the most).
 */
@FunctionalInterface
public interface WorkMeter {

    /** Counts nothing: for callers that do not charge for work. */
    WorkMeter NONE = pixelVisits -> {
    };

    /** Adds {@code pixelVisits} done. */
    void add(long pixelVisits);
}
