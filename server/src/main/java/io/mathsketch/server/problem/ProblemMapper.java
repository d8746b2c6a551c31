package io.mathsketch.server.problem;

import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;

/**
 * The one place that decides which problem type a failure becomes. Engine errors map by their sealed subtype, so
 * adding a subtype without mapping it fails compilation here.
 */
public final class ProblemMapper {

    private ProblemMapper() {
    }

    public static ProblemType typeOf(Throwable error) {
        return switch (error) {
            case ProblemException p -> p.type();
            case RecognitionException r -> typeOf(r);
            case ModelLoadException ignored -> ProblemType.INTERNAL;
            case RequestException r -> byStatus(r.status().code());
            case HttpException h -> byStatus(h.status().code());
            default -> ProblemType.INTERNAL;
        };
    }

    /** Helidon's own HTTP failures (unknown route, malformed request, body over the limit, concurrency limit). */
    static ProblemType byStatus(int status) {
        return switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemType.RATE_LIMITED;
            case 501 -> ProblemType.NOT_IMPLEMENTED;
            case 503 -> ProblemType.OVERLOADED;
            default -> status >= 400 && status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL;
        };
    }

    private static ProblemType typeOf(RecognitionException error) {
        return switch (error) {
            case RecognitionException.PayloadTooLarge ignored -> ProblemType.PAYLOAD_TOO_LARGE;
            case RecognitionException.ImageTooLarge ignored -> ProblemType.IMAGE_TOO_LARGE;
            case RecognitionException.UnsupportedImage ignored -> ProblemType.UNSUPPORTED_IMAGE;
            case RecognitionException.CorruptImage ignored -> ProblemType.CORRUPT_IMAGE;
            case RecognitionException.BlankImage ignored -> ProblemType.BLANK_IMAGE;
            case RecognitionException.InvalidPixels ignored -> ProblemType.INVALID_PIXELS;
            case RecognitionException.InvalidInk ignored -> ProblemType.INVALID_INK;
            case RecognitionException.InkTooLarge ignored -> ProblemType.INK_TOO_LARGE;
            case RecognitionException.TooManyDigits ignored -> ProblemType.TOO_MANY_DIGITS;
            case RecognitionException.TooManySymbols ignored -> ProblemType.TOO_MANY_SYMBOLS;
            case RecognitionException.InvalidExpression ignored -> ProblemType.INVALID_EXPRESSION;
            case RecognitionException.UnsuitableModel ignored -> ProblemType.UNSUITABLE_MODEL;
            case RecognitionException.UnknownModel ignored -> ProblemType.UNKNOWN_MODEL;
            case RecognitionException.Overloaded ignored -> ProblemType.OVERLOADED;
            case RecognitionException.InferenceFailed ignored -> ProblemType.INTERNAL;
        };
    }

    /** The problem document for a failure; internal errors never echo exception text to the client. */
    public static ProblemDetails toProblem(Throwable error, String path) {
        ProblemType type = typeOf(error);
        String detail = switch (type) {
            case INTERNAL -> error instanceof ProblemException ? error.getMessage()
                    : "the server failed to handle the request; see the server log";
            case NOT_FOUND -> error instanceof ProblemException ? error.getMessage() : "no resource at " + path;
            default -> error.getMessage();
        };
        return new ProblemDetails(type, detail, path);
    }
}
