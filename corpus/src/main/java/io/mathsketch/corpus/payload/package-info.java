/**
 * The payload corpus of the benchmarks: encoded images per input class, as clients send them, which the JMH suites
 * and the HTTP load benchmark both read ({@link io.mathsketch.corpus.payload.PayloadCorpus}). Generated
 * deterministically from MNIST <em>test</em> digits and held-out stroke handwriting, or read from the committed
 * Chromium canvas fixtures.
 */
package io.mathsketch.corpus.payload;
