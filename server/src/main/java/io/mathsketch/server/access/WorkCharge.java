package io.mathsketch.server.access;

import io.mathsketch.server.access.RateLimitFilter.Origin;
import io.mathsketch.server.config.RateLimitSettings;
import io.mathsketch.server.problem.ProblemException;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/**
 * Charges an admitted request for work it is about to do beyond what its one token pays for, at an image's price
 * ({@link RateLimitSettings#extraTokens}: one more token per {@code rate-limit.pixels-per-token} units beyond
 * {@link RateLimitSettings#FREE_PIXELS}), where a unit is a pixel the work visits: an image's decoding (each pass
 * of a progressive JPEG), ink's drawing, a stored ink's picture drawn on demand (up to a tenth of a CPU-second, where
 * its request's token pays for a few milliseconds), a photo's or a scanned page's search for its ink (every pass over
 * its working plane). Taken from the request's client and address buckets before the work is done, or, where only
 * doing it tells how much it is, after ({@link #chargeDone}); the one place the price is applied.
 */
public final class WorkCharge {

    private final RateLimitFilter buckets;

    public WorkCharge(RateLimitFilter buckets) {
        this.buckets = buckets;
    }

    /**
     * Takes what {@code units} of work cost beyond the request's own token, or answers 429 {@code rate-limited} with
     * {@code Retry-After} when its client or address is short of them (nothing is taken then). A request outside the
     * rate-limited routes, or with the limits off, pays nothing more.
     *
     * @param what the work, for the refusal's detail ("drawing this recognition's ink")
     */
    public void charge(ServerRequest req, long units, String what) {
        Optional<Origin> origin = req.context().get(Origin.class);
        if (origin.isPresent()) {
            charge(origin.get(), units, what);
        }
    }

    /**
     * {@link #charge(ServerRequest, long, String)}, for a request charged to {@code origin}.
     *
     * @return the tokens taken beyond the request's own, to {@link RateLimitFilter#refund} if the work is not done
     */
    double charge(Origin origin, long units, String what) {
        double cost = buckets.settings().extraTokens(units);
        if (cost == 0) {
            return 0;
        }
        long wait = buckets.take(origin, cost, 1);
        if (wait > 0) {
            long seconds = RateLimitFilter.retryAfterSeconds(wait);
            throw ProblemException.rateLimited(what + " visits " + units + " pixels and costs " + (long) (cost + 1)
                    + " tokens (rate-limit.pixels-per-token), more than this client or address has now; retry after "
                    + seconds + " s", seconds);
        }
        return cost;
    }

    /**
     * Charges {@code units} of work already done for a request that paid for {@code paidUnits} before it (through
     * {@link #charge(Origin, long, String)}): the price of them all less what was paid, taken whatever the buckets hold.
     * Work is priced afterwards when only doing it tells how much it is (a photo's search for its digit stops where it
     * finds one): the request is answered, and its client and address wait for their next ones until the refill has
     * paid the debt (429 {@code rate-limited} with {@code Retry-After} meanwhile).
     *
     * @return the tokens taken
     */
    double chargeDone(Origin origin, long paidUnits, long units) {
        RateLimitSettings settings = buckets.settings();
        double cost = settings.extraTokens(paidUnits + units) - settings.extraTokens(paidUnits);
        if (cost > 0) {
            buckets.owe(origin, cost);
        }
        return Math.max(0, cost);
    }
}
