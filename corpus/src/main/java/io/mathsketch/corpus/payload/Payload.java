package io.mathsketch.corpus.payload;

/**
 * One encoded image of the corpus.
 *
 * @param payloadClass its input class
 * @param name a file name unique within the class, e.g. {@code mnist-0007-d9.png}
 * @param digit the digit drawn (its label)
 * @param bytes the encoded image, as a client posts it
 */
public record Payload(PayloadClass payloadClass, String name, int digit, byte[] bytes) {

    /** The media type of {@link #bytes}, from the file name. */
    public String mediaType() {
        return name.endsWith(".jpg") ? "image/jpeg" : "image/png";
    }
}
