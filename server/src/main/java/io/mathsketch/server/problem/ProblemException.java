package io.mathsketch.server.problem;

/** An HTTP-level failure a handler raises; turned into a problem+json response by {@link ProblemMapper}. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final boolean closesConnection;
    private final long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, false, 0);
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        this(type, detail, cause, false, 0);
    }

    private ProblemException(ProblemType type, String detail, Throwable cause, boolean closesConnection,
                             long retryAfterSeconds) {
        super(detail, cause);
        this.type = type;
        this.closesConnection = closesConnection;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 429 {@code rate-limited} answered with {@code Retry-After: retryAfterSeconds}. */
    public static ProblemException rateLimited(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.RATE_LIMITED, detail, null, false, retryAfterSeconds);
    }

    /**
     * A failure that leaves the request body unread or unreadable (a malformed chunk, a client gone, no budget for
     * the body): the answer closes the connection instead of reading on to the body's end.
     */
    public static ProblemException closing(ProblemType type, String detail, Throwable cause) {
        return new ProblemException(type, detail, cause, true, 0);
    }

    public static ProblemException closing(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, true, 0);
    }

    /** Whether the answer must close the connection. */
    public boolean closesConnection() {
        return closesConnection;
    }

    /** Seconds the client is asked to wait before retrying ({@code Retry-After}); 0 for the type's default. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }
}
