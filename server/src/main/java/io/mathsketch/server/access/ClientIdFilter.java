package io.mathsketch.server.access;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
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
import java.util.Optional;

/**
 * Gives every request an anonymous {@link ClientId}: the {@value ClientId#HEADER} header of an API client, else the
 * browser's cookie, else a fresh id that the response sets as that cookie. The cookie is {@code HttpOnly} (page
 * scripts never see the secret) and {@code SameSite=Lax}: other sites' pages cannot send it with their requests, so
 * they can neither read a user's drawings nor correct them, while a link followed to this site still carries it
 * (with {@code Strict} it would not, and the fresh id answered then would replace the user's own).
 */
public final class ClientIdFilter implements Filter {

    private static final HeaderName HEADER = HeaderNames.create(ClientId.HEADER);
    /** The longest lifetime browsers honour (Chrome caps cookies at 400 days). */
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(400);

    private final SecureRandom random = new SecureRandom();

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> header = req.headers().first(HEADER);
        ClientId id;
        if (header.isPresent()) {
            Optional<ClientId> chosen = ClientId.parse(header.get());
            if (chosen.isEmpty()) {
                ProblemErrorHandler.send(res, new ProblemDetails(ProblemType.BAD_REQUEST,
                        ClientId.HEADER + " must be " + ClientId.FORMAT_TEXT, req.prologue().uriPath().path()));
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
                        .secure(req.isSecure())
                        .maxAge(COOKIE_LIFETIME)
                        .build());
                return fresh;
            });
        }
        req.context().register(id);
        chain.proceed();
    }

    /** The caller's id, which this filter registered for every routed request. */
    public static ClientId clientOf(ServerRequest req) {
        return req.context().get(ClientId.class)
                .orElseThrow(() -> new IllegalStateException("ClientIdFilter is not installed on this routing"));
    }
}
