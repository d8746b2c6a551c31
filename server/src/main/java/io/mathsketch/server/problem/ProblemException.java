package io.mathsketch.server.problem;

/** An HTTP-level failure a handler raises; turned into a problem+json response by {@link ProblemMapper}. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
