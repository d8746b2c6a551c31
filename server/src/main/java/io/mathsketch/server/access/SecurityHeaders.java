package io.mathsketch.server.access;

import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;

import java.util.List;
import java.util.stream.Stream;

/**
 * The security headers every response carries, routed ({@link SecurityHeadersFilter}) or answered by Helidon before
 * routing ({@code ProblemDirectHandler}: 400, 413, 431, 505). The content security policy allows the page exactly
 * what it uses (its own scripts, styles, images and API, plus {@code data:}/{@code blob:} images for canvas exports)
 * and nothing inline, so an injected script or style would not run; {@code frame-ancestors 'none'} (and the older
 * {@code X-Frame-Options}) keep the page out of other sites' frames (clickjacking the feedback buttons);
 * {@code nosniff} keeps browsers from reading a stored image or a JSON answer as a script or a page; no referrer
 * leaves the site (history URLs carry recognition ids). Where browsers reach the site over HTTPS only
 * ({@code server.secure-cookie}, behind a proxy that terminates TLS) {@code Strict-Transport-Security} keeps them from
 * ever asking over plain HTTP for a year, where the client-id cookie's first request could be redirected or read;
 * browsers ignore it on a plain HTTP answer.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private static final Header STRICT_TRANSPORT_SECURITY = HeaderValues.create("Strict-Transport-Security",
            "max-age=31536000");

    private static final List<Header> HEADERS = List.of(
            HeaderValues.create("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            HeaderValues.create("X-Content-Type-Options", "nosniff"),
            HeaderValues.create("X-Frame-Options", "DENY"),
            HeaderValues.create("Referrer-Policy", "no-referrer"),
            HeaderValues.create("Cross-Origin-Opener-Policy", "same-origin"));

    private final List<Header> headers;

    /** @param httpsOnly browsers reach the server over HTTPS only ({@code server.secure-cookie}) */
    public SecurityHeaders(boolean httpsOnly) {
        headers = httpsOnly ? Stream.concat(HEADERS.stream(), Stream.of(STRICT_TRANSPORT_SECURITY)).toList() : HEADERS;
    }

    /** Sets every security header on {@code headers}, replacing any value already there. */
    public void set(ServerResponseHeaders response) {
        headers.forEach(response::set);
    }
}
