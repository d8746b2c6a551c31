package io.mathsketch.training.data;

import java.io.IOException;

/** MNIST could not be obtained or verified; the message says what to do about it. */
public final class MnistFetchException extends IOException {

    public MnistFetchException(String message) {
        super(message);
    }

    public MnistFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
