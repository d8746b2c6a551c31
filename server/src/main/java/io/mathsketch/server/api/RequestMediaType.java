package io.mathsketch.server.api;

import io.helidon.http.HttpMediaType;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;

import java.util.Arrays;
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

    /** Refuses anything but UTF-8 JSON: the check of a route that reads only a JSON body. */
    static void requireJson(Optional<HttpMediaType> mediaType) {
        String type = of(mediaType);
        if (!isJson(type)) {
            throw unsupported(type, "application/json");
        }
        requireUtf8(mediaType);
    }

    /**
     * Refuses a JSON body declared in another charset than UTF-8 ({@code charset=utf-16}): JSON exchanged between
     * systems is UTF-8 (RFC 8259 §8.1), and the body would be read as UTF-8 whatever it declared.
     */
    static void requireUtf8(Optional<HttpMediaType> mediaType) {
        Optional<String> charset = mediaType.flatMap(HttpMediaType::charset);
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "charset '"
                    + ProblemText.echo(charset.get()) + "' is not accepted; send JSON in UTF-8");
        }
    }

    /**
     * A UTF-8 JSON body without the byte order mark some tools write first, which RFC 8259 §8.1 lets a parser ignore
     * (the parsers would otherwise refuse the body as not JSON).
     */
    static byte[] withoutBom(byte[] json) {
        boolean bom = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB
                && (json[2] & 0xFF) == 0xBF;
        return bom ? Arrays.copyOfRange(json, 3, json.length) : json;
    }

    /** The 415 for {@code type}, naming what the route reads instead. */
    static ProblemException unsupported(String type, String accepted) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, (type.isEmpty() ? "a missing Content-Type"
                : "Content-Type '" + ProblemText.echo(type) + "'") + " is not accepted; send " + accepted);
    }
}
