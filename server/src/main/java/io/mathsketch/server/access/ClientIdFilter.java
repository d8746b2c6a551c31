package io.mathsketch.server.access;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.mathsketch.server.problem.ProblemDetails;
import io.mathsketch.server.problem.ProblemErrorHandler;
import io.mathsketch.server.problem.ProblemType;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Gives each request that needs one an anonymous {@link ClientId}: the {@value ClientId#HEADER} header of an API
 * client, else the browser's cookie, else a fresh id that the response sets as that cookie. Only {@code /api/*}
 * (whose answers and rate limits belong to a client) and the page's document ({@code /} and {@code /index.html}: its
 * first scripts' requests then all carry one id, instead of racing to set different ones) are given an id; health
 * probes, metrics, the OpenAPI document and the page's scripts and styles are not, so a probe is never handed an
 * identity nor refused for a malformed one, and costs no random id. The cookie is {@code HttpOnly} (page
 * scripts never see the secret) and {@code SameSite=Lax}: other sites' pages cannot send it with their requests, so
 * they can neither read a user's drawings nor correct them, while a link followed to this site still carries it
 * (with {@code Strict} it would not, and the fresh id answered then would replace the user's own). It is
 * {@code Secure} when the connection is TLS, and always with {@code server.secure-cookie}: behind a proxy that
 * terminates TLS (fly.io, an ingress) the server sees plain HTTP, and a forwarded scheme header could be forged
 * whenever the proxy does not overwrite it, where the setting cannot.
 */
public final class ClientIdFilter implements Filter {

    private static final HeaderName HEADER = HeaderNames.create(ClientId.HEADER);
    private static final Header PRIVATE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "private");
    /** The longest lifetime browsers honour (Chrome caps cookies at 400 days). */
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(400);

    private final SecureRandom random = new SecureRandom();
    private final boolean alwaysSecure;

    /** @param alwaysSecure whether the cookie is {@code Secure} whatever the connection ({@code server.secure-cookie}) */
    public ClientIdFilter(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    /** Whether a request to {@code path} (decoded, as routing matches it) is given a client id. */
    public static boolean appliesTo(String path) {
        return path.startsWith("/api/") || path.equals("/") || path.equals("/index.html");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!appliesTo(req.path().path())) {
            chain.proceed();
            return;
        }
        List<String> headers = req.headers().all(HEADER, List::of);
        ClientId id;
        if (headers.size() > 1) {
            // As for a query parameter given twice: taking one would ignore what the client also said, and a proxy
            // may take the other.
            refuse(req, res, ClientId.HEADER + " is given " + headers.size() + " times; send it once");
            return;
        }
        if (!headers.isEmpty()) {
            Optional<ClientId> chosen = ClientId.parse(headers.getFirst());
            if (chosen.isEmpty()) {
                refuse(req, res, ClientId.HEADER + " must be " + ClientId.FORMAT_TEXT);
                return;
            }
            id = chosen.get();
        } else {
            Optional<ClientId> remembered = req.headers().cookies().first(ClientId.COOKIE).asOptional()
                    .flatMap(ClientId::parse);
            id = remembered.orElseGet(() -> {
                ClientId fresh = ClientId.generate(random);
                res.headers().addCookie(SetCookie.builder(ClientId.COOKIE, fresh.value())
                        .path("/")
                        .httpOnly(true)
                        .sameSite(SetCookie.SameSite.LAX)
                        .secure(alwaysSecure || req.isSecure())
                        .maxAge(COOKIE_LIFETIME)
                        .build());
                // Set-Cookie does not keep a shared cache from storing an answer (RFC 9111's security
                // considerations): the page, with its ETag and Last-Modified, is heuristically cacheable, and a proxy
                // or CDN that kept it would hand this one id, and so its drawings, to every later visitor. A handler
                // may set its own Cache-Control after this one, as long as it is private too.
                res.headers().set(PRIVATE);
                return fresh;
            });
        }
        req.context().register(id);
        chain.proceed();
    }

    private static void refuse(RoutingRequest req, RoutingResponse res, String detail) {
        ProblemErrorHandler.send(req, res, new ProblemDetails(ProblemType.BAD_REQUEST, detail,
                req.prologue().uriPath().path()));
    }

    /** The caller's id, which this filter registered for every request it {@linkplain #appliesTo applies to}. */
    public static ClientId clientOf(ServerRequest req) {
        return req.context().get(ClientId.class)
                .orElseThrow(() -> new IllegalStateException("ClientIdFilter is not installed on this routing"));
    }
}
