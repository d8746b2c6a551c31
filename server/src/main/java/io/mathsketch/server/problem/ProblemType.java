package io.mathsketch.server.problem;

/** The stable problem kinds of the API contract; the URN is {@code urn:mathsketch:problem:<slug>}. */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400, "Bad request"),
    UNKNOWN_PARAMETER("unknown-parameter", 400, "Unknown query parameter"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    RELOAD_DISABLED("reload-disabled", 403, "Model reloading is disabled"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    UNKNOWN_MODEL("unknown-model", 404, "Unknown model"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request header fields too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNSUPPORTED_IMAGE("unsupported-image", 415, "Unsupported image format"),
    IMAGE_TOO_LARGE("image-too-large", 422, "Image too large"),
    CORRUPT_IMAGE("corrupt-image", 422, "Corrupt image"),
    BLANK_IMAGE("blank-image", 422, "Blank image"),
    INVALID_PIXELS("invalid-pixels", 422, "Invalid pixels"),
    INVALID_INK("invalid-ink", 422, "Invalid ink"),
    INK_TOO_LARGE("ink-too-large", 422, "Ink too large"),
    TOO_MANY_DIGITS("too-many-digits", 422, "Too many digits"),
    TOO_MANY_SYMBOLS("too-many-symbols", 422, "Too many symbols"),
    INVALID_EXPRESSION("invalid-expression", 422, "Invalid expression"),
    UNSUITABLE_MODEL("unsuitable-model", 422, "Model cannot read this mode"),
    OVERLOADED("overloaded", 503, "Overloaded"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "Database unavailable"),
    NOT_IMPLEMENTED("not-implemented", 501, "Not implemented"),
    HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", 505, "HTTP version not supported"),
    INTERNAL("internal", 500, "Internal error");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:mathsketch:problem:" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
