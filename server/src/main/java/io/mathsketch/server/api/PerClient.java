package io.mathsketch.server.api;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;
import io.mathsketch.server.access.ClientId;

/**
 * The caching headers of an answer that depends on who asks (a recognition, its image, the caller's list): no shared
 * cache may keep it ({@code private}), and a private one keys it by the headers that choose the client
 * ({@code Vary}), and by {@code Accept} too where the type served is negotiated (a recognition's image: PNG, its
 * kept ink, or 406). Set before the answer is known, so a 404 for another client's id is not shared either.
 */
final class PerClient {

    private static final Header CACHE_CONTROL = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "private");
    private static final String CLIENT_HEADERS = "Cookie, " + ClientId.HEADER + ", Authorization";
    private static final Header VARY = HeaderValues.createCached(HeaderNames.VARY, CLIENT_HEADERS);
    private static final Header VARY_WITH_ACCEPT = HeaderValues.createCached(HeaderNames.VARY,
            CLIENT_HEADERS + ", Accept");

    private PerClient() {
    }

    static void headers(ServerResponse res) {
        res.header(CACHE_CONTROL);
        res.header(VARY);
    }

    /** {@link #headers}, for an answer whose type also depends on the request's {@code Accept}. */
    static void negotiatedHeaders(ServerResponse res) {
        res.header(CACHE_CONTROL);
        res.header(VARY_WITH_ACCEPT);
    }
}
