package io.mathsketch.server.problem;

/** An HTTP-level failure a handler raises; turned into a problem+json response by {@link ProblemMapper}. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final boolean closesConnection;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, false);
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        this(type, detail, cause, false);
    }

    private ProblemException(ProblemType type, String detail, Throwable cause, boolean closesConnection) {
        super(detail, cause);
        this.type = type;
        this.closesConnection = closesConnection;
    }

    /**
     * A failure that leaves the request body unread or unreadable (a malformed chunk, a client gone, no budget for
     * the body): the answer closes the connection instead of reading on to the body's end.
     */
    public static ProblemException closing(ProblemType type, String detail, Throwable cause) {
        return new ProblemException(type, detail, cause, true);
    }

    public static ProblemException closing(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, true);
    }

    /** Whether the answer must close the connection. */
    public boolean closesConnection() {
        return closesConnection;
    }

    public ProblemType type() {
        return type;
    }
}
