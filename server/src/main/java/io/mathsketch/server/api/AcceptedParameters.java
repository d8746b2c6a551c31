package io.mathsketch.server.api;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mathsketch.server.json.JsonFactory;
import io.mathsketch.server.problem.ProblemDetails;
import io.mathsketch.server.problem.ProblemErrorHandler;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.JsonArrayBuilder;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An API operation's handler with the query parameters it accepts, written once where the route is registered: a
 * request naming any other ({@code ?mdoe=number}, {@code ?Mode=number}) is answered 400 {@code unknown-parameter}
 * before the handler runs, naming it and listing the accepted ones, instead of being served as if the parameter were
 * not there. {@link RouteRecorder} reads the names back (every API route must declare them, none included), and
 * {@code OpenApiDocumentTest} compares them with the document's. A parameter given twice is the reader's to refuse
 * ({@link QueryParameter#once}).
 */
public final class AcceptedParameters implements Handler {

    /** Unknown names quoted in one answer at the most: a query of a thousand names gets a short answer. */
    static final int MAX_QUOTED = 10;

    private final List<String> names;
    private final Handler handler;

    private AcceptedParameters(List<String> names, Handler handler) {
        this.names = List.copyOf(names);
        this.handler = handler;
    }

    /** {@code handler}, which reads the query parameters {@code names} and no other. */
    static AcceptedParameters of(Handler handler, String... names) {
        return new AcceptedParameters(List.of(names), handler);
    }

    /** The accepted names, in the order they were declared. */
    public List<String> names() {
        return names;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) throws Exception {
        Set<String> unknown = new TreeSet<>();
        for (String name : req.query().names()) {
            // "?&limit=5" (an empty pair, which URL builders leave behind) names nothing; "?=5" names "".
            if (!names.contains(name) && !(name.isEmpty() && req.query().all(name, List::of).stream()
                    .allMatch(String::isEmpty))) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            handler.handle(req, res);
            return;
        }
        List<String> quoted = unknown.stream().limit(MAX_QUOTED).map(ProblemText::echo).toList();
        // The request's own path: req.path() is relative to the service the route is registered in ("/" for
        // /api/v1/recognitions), and the problem names the path the client asked for, as every other one does.
        String path = req.prologue().uriPath().path();
        String operation = req.prologue().method().text() + " " + path;
        String accepts = names.isEmpty() ? "accepts no query parameter"
                : "accepts " + String.join(", ", names);
        String detail = "unknown query parameter" + (unknown.size() == 1 ? " " : "s ")
                + String.join(", ", quoted.stream().map(n -> "'" + n + "'").toList())
                + (unknown.size() > quoted.size() ? " and " + (unknown.size() - quoted.size()) + " more" : "")
                + "; " + operation + " " + accepts;
        JsonArrayBuilder unknownJson = JsonFactory.createArrayBuilder();
        quoted.forEach(unknownJson::add);
        ProblemErrorHandler.send(req, res, new ProblemDetails(ProblemType.UNKNOWN_PARAMETER, detail, path,
                JsonFactory.createObjectBuilder()
                        .add("unknownParameters", unknownJson)
                        .add("acceptedParameters", JsonFactory.createArrayBuilder(names))
                        .build()));
    }
}
