package io.mathsketch.server.api;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.server.json.JsonFactory;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
import io.mathsketch.server.store.DatabaseStatus;
import io.mathsketch.server.store.RecognitionStore;
import io.mathsketch.server.store.StoreUnavailableException;
import io.mathsketch.server.store.Stats;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.InstantSource;
import java.util.OptionalDouble;

/**
 * {@code /api/v1/stats}: accuracy measured by feedback, overall and per model with a confusion matrix. Computed at
 * most once per {@code stats.max-age} ({@link StatsCache}); the answer says when ({@code computedAt}) and how long
 * it may be reused ({@code Cache-Control: max-age}).
 */
public final class StatsService implements HttpService {

    private final StatsCache cache;
    private final DatabaseStatus databaseStatus;

    public StatsService(RecognitionStore store, DatabaseStatus databaseStatus, Duration maxAge) {
        this.cache = new StatsCache(() -> {
            Stats stats = store.stats();
            // Only a query that ran says the database is up, not statistics reused from before it went down.
            databaseStatus.markUp();
            return stats;
        }, maxAge, InstantSource.system());
        this.databaseStatus = databaseStatus;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", AcceptedParameters.of(this::stats));
    }

    private void stats(ServerRequest req, ServerResponse res) {
        StatsCache.Computed computed;
        try {
            computed = cache.get();
        } catch (StoreUnavailableException e) {
            databaseStatus.markDown(e);
            throw new ProblemException(ProblemType.DATABASE_UNAVAILABLE, "the database is not available", e);
        }
        Stats stats = computed.stats();
        JsonArrayBuilder models = JsonFactory.createArrayBuilder();
        for (Stats.ModelStats m : stats.models()) {
            JsonArrayBuilder confusion = matrix(m.confusion());
            JsonObjectBuilder model = counts(JsonFactory.createObjectBuilder()
                    .add("name", m.model().name())
                    .add("version", m.model().version()), m.total(), m.corrected(), m.correct(), m.accuracy())
                    .add("confusion", confusion);
            m.symbolConfusion().ifPresent(counts -> model.add("symbolConfusion", symbolConfusion(counts)));
            models.add(model);
        }
        // private: the first answer to a client also sets its id cookie, which no shared cache may keep.
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=" + cache.secondsLeft(computed));
        JsonResponses.send(res, counts(JsonFactory.createObjectBuilder(), stats.total(), stats.corrected(), stats.correct(),
                stats.accuracy()).add("models", models).add("computedAt", computed.at().toString()).build());
    }

    /** Expression mode's per-symbol counts, with the symbols naming the rows and columns. */
    private static JsonObjectBuilder symbolConfusion(long[][] counts) {
        JsonArrayBuilder labels = JsonFactory.createArrayBuilder();
        for (Symbol symbol : Symbol.values()) {
            labels.add(symbol.text());
        }
        return JsonFactory.createObjectBuilder().add("labels", labels).add("counts", matrix(counts));
    }

    private static JsonArrayBuilder matrix(long[][] counts) {
        JsonArrayBuilder matrix = JsonFactory.createArrayBuilder();
        for (long[] row : counts) {
            JsonArrayBuilder r = JsonFactory.createArrayBuilder();
            for (long count : row) {
                r.add(count);
            }
            matrix.add(r);
        }
        return matrix;
    }

    private static JsonObjectBuilder counts(JsonObjectBuilder json, long total, long corrected, long correct,
                                            OptionalDouble accuracy) {
        json.add("total", total).add("corrected", corrected).add("correct", correct);
        if (accuracy.isPresent()) {
            json.add("accuracy", accuracy.getAsDouble());
        } else {
            json.addNull("accuracy");
        }
        return json;
    }
}
