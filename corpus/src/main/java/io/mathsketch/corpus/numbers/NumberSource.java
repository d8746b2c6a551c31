package io.mathsketch.corpus.numbers;

/** Where the digits' shapes come from. */
public enum NumberSource {
    /** MNIST test digits (never trained on), scaled up to a pen's edge. */
    MNIST,
    /** Pen strokes of a {@link io.mathsketch.corpus.hand.HandwritingGenerator} (a held-out hand). */
    HAND
}
