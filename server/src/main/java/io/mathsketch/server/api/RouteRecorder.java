package io.mathsketch.server.api;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Writes down the routes services register ({@code "POST /api/v1/recognitions"}) instead of serving them: the server
 * learns from it which methods each API path allows ({@link MethodNotAllowed}), and a test compares them with the
 * OpenAPI document. Routes given as a prebuilt {@link HttpRoute} cannot be read back and fail loudly, and so does a
 * handler that does not say which query parameters it accepts ({@link AcceptedParameters}).
 */
public final class RouteRecorder implements HttpRules {

    private final String prefix;
    private final List<String> routes;
    private final Map<String, List<String>> parameters;

    public RouteRecorder() {
        this("", new ArrayList<>(), new LinkedHashMap<>());
    }

    private RouteRecorder(String prefix, List<String> routes, Map<String, List<String>> parameters) {
        this.prefix = prefix;
        this.routes = routes;
        this.parameters = parameters;
    }

    /** The query parameters each route accepts, by route as {@link #routes()} writes it. */
    public Map<String, List<String>> queryParameters() {
        return Map.copyOf(parameters);
    }

    /** Every route seen, as {@code METHOD /path} with Helidon's {@code {param}} placeholders. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    @Override
    public HttpRules register(HttpService... services) {
        for (HttpService service : services) {
            service.routing(this);
        }
        return this;
    }

    @Override
    public HttpRules register(String pathPattern, HttpService... services) {
        RouteRecorder nested = new RouteRecorder(join(prefix, pathPattern), routes, parameters);
        for (HttpService service : services) {
            service.routing(nested);
        }
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        throw new UnsupportedOperationException("register routes with get/post/put/delete/patch(path, handler) so"
                + " that the allowed methods and the OpenAPI check can read them");
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Handler handler) {
        String route = method.text().toUpperCase(Locale.ROOT) + " " + join(prefix, pathPattern);
        if (!(handler instanceof AcceptedParameters accepted)) {
            throw new IllegalArgumentException(route + ": wrap its handler in AcceptedParameters.of(handler, names)"
                    + " so that a query parameter it does not read is refused, not ignored");
        }
        routes.add(route);
        parameters.put(route, accepted.names());
        return this;
    }

    @Override
    public HttpRules get(String pathPattern, Handler... handlers) {
        return route(Method.GET, pathPattern, handlers[0]);
    }

    @Override
    public HttpRules post(String pathPattern, Handler... handlers) {
        return route(Method.POST, pathPattern, handlers[0]);
    }

    @Override
    public HttpRules put(String pathPattern, Handler... handlers) {
        return route(Method.PUT, pathPattern, handlers[0]);
    }

    @Override
    public HttpRules delete(String pathPattern, Handler... handlers) {
        return route(Method.DELETE, pathPattern, handlers[0]);
    }

    @Override
    public HttpRules patch(String pathPattern, Handler... handlers) {
        return route(Method.PATCH, pathPattern, handlers[0]);
    }

    @Override
    public HttpRules get(Handler... handlers) {
        return get("/", handlers);
    }

    @Override
    public HttpRules post(Handler... handlers) {
        return post("/", handlers);
    }

    @Override
    public HttpRules put(Handler... handlers) {
        return put("/", handlers);
    }

    @Override
    public HttpRules delete(Handler... handlers) {
        return delete("/", handlers);
    }

    @Override
    public HttpRules patch(Handler... handlers) {
        return patch("/", handlers);
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
