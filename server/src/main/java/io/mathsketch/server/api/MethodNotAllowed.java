package io.mathsketch.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.mathsketch.server.problem.ProblemDetails;
import io.mathsketch.server.problem.ProblemErrorHandler;
import io.mathsketch.server.problem.ProblemType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Answers a request for a path the server serves with a method the path does not serve with 405
 * {@code method-not-allowed} and an {@code Allow} header (RFC 9110 §15.5.6), instead of the 404 that says the resource
 * does not exist. The API's methods come from the routes the services register ({@link RouteRecorder}), so they are
 * written once; the paths Helidon's features serve (health, metrics, OpenAPI, the page's files) are listed by the
 * server. A method a path serves is passed on to whichever route serves it. {@code HEAD} is refused the same way
 * where no route serves it (passed on, it fell through to the static pages' 404), and so is {@code OPTIONS}, except a
 * CORS preflight on an API path while CORS is configured, which passes on to the CORS feature.
 */
public final class MethodNotAllowed {

    private MethodNotAllowed() {
    }

    /**
     * Registers, after the services' own routes on {@code rules}, one fallback per path.
     *
     * @param routes {@code "METHOD /path"} as {@link RouteRecorder#routes()} gives them: the API's and the paths the
     *               features serve
     * @param cors whether the CORS feature is on, to answer preflights ({@code OPTIONS} with
     *             {@code Access-Control-Request-Method})
     */
    public static void register(HttpRules rules, List<String> routes, boolean cors) {
        Map<String, TreeSet<String>> allowed = new LinkedHashMap<>();
        for (String route : routes) {
            int space = route.indexOf(' ');
            allowed.computeIfAbsent(route.substring(space + 1), path -> new TreeSet<>()).add(route.substring(0, space));
        }
        allowed.forEach((path, methods) -> {
            String allow = String.join(", ", methods);
            rules.any(path, (req, res) -> {
                Method method = req.prologue().method();
                if (methods.contains(method.text()) || cors && method == Method.OPTIONS && path.startsWith("/api/")
                        && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
                    res.next();
                    return;
                }
                res.header(HeaderNames.ALLOW, allow);
                if (method == Method.HEAD) {
                    // A response to HEAD has no body (RFC 9110 §9.3.2), and Helidon would send the one it is given.
                    res.status(Status.METHOD_NOT_ALLOWED_405).send();
                    return;
                }
                String uri = req.prologue().uriPath().path();
                ProblemErrorHandler.send(req, res, new ProblemDetails(ProblemType.METHOD_NOT_ALLOWED,
                        uri + " does not serve " + method.text() + "; it serves " + allow, uri));
            });
        });
    }
}
