package io.mathsketch.server.api;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes down the routes services register ({@code "POST /api/v1/recognitions"}) instead of serving them: the server
 * learns from it which methods each API path allows ({@link MethodNotAllowed}), and a test compares them with the
 * OpenAPI document. Routes given as a prebuilt {@link HttpRoute} cannot be read back and fail loudly.
 */
public final class RouteRecorder implements HttpRules {

    private final String prefix;
    private final List<String> routes;

    public RouteRecorder() {
        this("", new ArrayList<>());
    }

    private RouteRecorder(String prefix, List<String> routes) {
        this.prefix = prefix;
        this.routes = routes;
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
        RouteRecorder nested = new RouteRecorder(join(prefix, pathPattern), routes);
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
        routes.add(method.text().toUpperCase(Locale.ROOT) + " " + join(prefix, pathPattern));
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
