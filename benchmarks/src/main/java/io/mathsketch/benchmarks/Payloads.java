package io.mathsketch.benchmarks;

import io.mathsketch.corpus.payload.Payload;
import io.mathsketch.corpus.payload.PayloadClass;
import io.mathsketch.corpus.payload.PayloadCorpus;

import java.util.List;

/**
 * The payloads a benchmark cycles through: one class of the shared {@link PayloadCorpus}, or the synthetic
 * {@link SampleImages} canvas, which stays as one labelled row ({@value #SAMPLE_CANVAS}) to compare with earlier
 * results. Cycling over several images (different digits, so different amounts of ink and compressed sizes) keeps
 * one lucky image from deciding a figure.
 */
final class Payloads {

    /** The synthetic canvas of the earlier benchmarks: few, long runs; easier to decode than real canvases. */
    static final String SAMPLE_CANVAS = "sample-canvas";

    private final byte[][] images;
    private int next;

    private Payloads(byte[][] images) {
        this.images = images;
    }

    /** The payloads of class {@code id} ({@link PayloadClass#id()} or {@value #SAMPLE_CANVAS}). */
    static Payloads of(String id, int count) {
        if (id.equals(SAMPLE_CANVAS)) {
            byte[][] samples = new byte[10][];
            for (int d = 0; d < samples.length; d++) {
                samples[d] = SampleImages.canvasPng(d);
            }
            return new Payloads(samples);
        }
        List<Payload> payloads = PayloadCorpus.ofCheckout().payloads(PayloadClass.of(id), count);
        if (payloads.isEmpty()) {
            throw new IllegalStateException("payload class " + id + " has no images in this checkout (for "
                    + PayloadClass.CHROMIUM_CANVAS.id() + ": none committed in data/" + PayloadCorpus.FIXTURES + ")");
        }
        return new Payloads(payloads.stream().map(Payload::bytes).toArray(byte[][]::new));
    }

    /** The next image, round robin. Not thread-safe: one per benchmark thread. */
    byte[] next() {
        byte[] image = images[next];
        next = next + 1 == images.length ? 0 : next + 1;
        return image;
    }

    byte[] get(int i) {
        return images[i];
    }

    int size() {
        return images.length;
    }

    /** Mean encoded size in bytes. */
    int meanBytes() {
        long sum = 0;
        for (byte[] image : images) {
            sum += image.length;
        }
        return (int) (sum / images.length);
    }
}
