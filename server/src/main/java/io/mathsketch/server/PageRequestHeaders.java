package io.mathsketch.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;

import java.time.DateTimeException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request headers Helidon's static content parses for the page's files, checked before it does: a {@code Range}
 * number beyond a {@code long}, a suffix range longer than the file ({@code bytes=-100000}, which Helidon turns into
 * a negative file position) or an {@code If-Modified-Since} / {@code If-Unmodified-Since} that is no HTTP date
 * threw from Helidon 4.5, which answered 500 {@code internal}; here it is 400 {@code bad-request}, naming the
 * header. The API never reads these headers, so only the page's paths are checked.
 */
final class PageRequestHeaders implements Filter {

    /** The numbers of a range as Helidon's pattern reads them: runs of ASCII digits. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private final Map<String, Long> sizes;

    /** @param sizes the page's files as request paths, with their sizes ({@link PageFiles#sizes}) */
    PageRequestHeaders(Map<String, Long> sizes) {
        this.sizes = Map.copyOf(sizes);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Method method = req.prologue().method();
        Long size = sizes.get(req.path().path());
        if ((method == Method.GET || method == Method.HEAD) && size != null) {
            check(req.headers(), size);
        }
        chain.proceed();
    }

    private static void check(ServerRequestHeaders headers, long size) {
        headers.first(HeaderNames.RANGE).ifPresent(range -> {
            Matcher number = NUMBER.matcher(range);
            while (number.find()) {
                try {
                    Long.parseLong(number.group());
                } catch (NumberFormatException e) {
                    throw invalid(HeaderNames.RANGE, range, "its positions go beyond " + Long.MAX_VALUE);
                }
            }
            // A suffix range (the last N bytes, "-N") longer than the file: RFC 9110 serves the whole file, Helidon
            // seeks to a negative position. No page of ours asks for one.
            for (String spec : range.substring(range.indexOf('=') + 1).split(",")) {
                Matcher suffix = NUMBER.matcher(spec);
                if (spec.strip().startsWith("-") && suffix.find() && Long.parseLong(suffix.group()) > size) {
                    throw invalid(HeaderNames.RANGE, range, "its suffix is longer than the file (" + size
                            + " bytes)");
                }
            }
        });
        date(headers, HeaderNames.IF_MODIFIED_SINCE, ServerRequestHeaders::ifModifiedSince);
        date(headers, HeaderNames.IF_UNMODIFIED_SINCE, ServerRequestHeaders::ifUnmodifiedSince);
    }

    private static void date(ServerRequestHeaders headers, HeaderName name,
                             Function<ServerRequestHeaders, ?> parse) {
        if (headers.contains(name)) {
            try {
                parse.apply(headers);
            } catch (DateTimeException e) {
                throw invalid(name, headers.get(name).get(), "it is not an HTTP date");
            }
        }
    }

    private static ProblemException invalid(HeaderName name, String value, String why) {
        return new ProblemException(ProblemType.BAD_REQUEST, name.defaultCase() + " '" + ProblemText.echo(value)
                + "' is not valid: " + why);
    }
}
