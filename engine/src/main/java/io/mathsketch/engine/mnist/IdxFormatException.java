package io.mathsketch.engine.mnist;

import java.io.IOException;

/** An IDX file that is not what it claims to be: wrong magic number, bad dimensions, truncated or oversized. */
public final class IdxFormatException extends IOException {

    public IdxFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public IdxFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
