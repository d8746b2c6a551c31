package io.mathsketch.server.api;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;
import io.mathsketch.server.access.ClientId;

/**
 * The caching headers of an answer that depends on who asks (a recognition, its image, the caller's list): no shared
 * cache may keep it ({@code private}), and a private one keys it by the headers that choose the client
 * ({@code Vary}). Set before the answer is known, so a 404 for another client's id is not shared either.
 */
final class PerClient {

    private static final Header CACHE_CONTROL = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "private");
    private static final Header VARY = HeaderValues.createCached(HeaderNames.VARY,
            "Cookie, " + ClientId.HEADER + ", Authorization");

    private PerClient() {
    }

    static void headers(ServerResponse res) {
        res.header(CACHE_CONTROL);
        res.header(VARY);
    }
}
