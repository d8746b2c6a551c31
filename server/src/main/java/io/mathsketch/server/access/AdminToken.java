package io.mathsketch.server.access;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The admin bearer token ({@code admin.token}): compared in constant time, never logged or echoed. */
public final class AdminToken {

    private final Optional<String> token;

    public AdminToken(Optional<String> token) {
        this.token = token;
    }

    public boolean configured() {
        return token.isPresent();
    }

    /**
     * Whether the request carries the admin token. No {@code Authorization} header means an ordinary caller; a
     * bearer token that is wrong (or sent when none is configured) is 401 rather than a silent downgrade, so an
     * operator with a mistyped token is told so instead of seeing a partial listing.
     */
    public boolean presentedBy(ServerRequest req, ServerResponse res) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return false;
        }
        if (!matches(header.get())) {
            throw unauthorized(res);
        }
        return true;
    }

    /** Demands the admin token: 403 {@code reload-disabled} when none is configured, 401 when it is not presented. */
    public void require(ServerRequest req, ServerResponse res) {
        if (token.isEmpty()) {
            throw new ProblemException(ProblemType.RELOAD_DISABLED,
                    "model reloading is disabled: no admin token is configured (admin.token / ADMIN_TOKEN)");
        }
        if (!matches(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""))) {
            throw unauthorized(res);
        }
    }

    /** Whether the request carries the admin token; never throws (for places that only show more to the admin). */
    public boolean matches(ServerRequest req) {
        return matches(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""));
    }

    private boolean matches(String authorization) {
        if (token.isEmpty() || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String presented = authorization.substring(7).trim();
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException unauthorized(ServerResponse res) {
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        return new ProblemException(ProblemType.UNAUTHORIZED, "a valid 'Authorization: Bearer <admin token>'"
                + " header is required");
    }
}
