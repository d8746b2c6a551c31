package io.mathsketch.server.api;

import io.helidon.http.HttpMediaType;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;

import java.util.Locale;
import java.util.Optional;

/**
 * The media type a request body declares, and the one check every body-taking route makes of it: a type the route
 * does not read is 415 {@code unsupported-media-type}, before the body is parsed.
 */
final class RequestMediaType {

    private RequestMediaType() {
    }

    /** The type without parameters, lower case; empty text when the request declares none. */
    static String of(Optional<HttpMediaType> mediaType) {
        return mediaType.map(m -> m.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** {@code application/json} or any {@code +json} type. */
    static boolean isJson(String type) {
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Refuses anything but JSON: the check of a route that reads only a JSON body. */
    static void requireJson(Optional<HttpMediaType> mediaType) {
        String type = of(mediaType);
        if (!isJson(type)) {
            throw unsupported(type, "application/json");
        }
    }

    /** The 415 for {@code type}, naming what the route reads instead. */
    static ProblemException unsupported(String type, String accepted) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, (type.isEmpty() ? "a missing Content-Type"
                : "Content-Type '" + ProblemText.echo(type) + "'") + " is not accepted; send " + accepted);
    }
}
