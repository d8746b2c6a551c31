package io.mathsketch.server.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.mathsketch.server.store.HeapFailures;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Liveness after a heap failure. The decode budget and the request limits are meant to keep every
 * {@link OutOfMemoryError} away from request, inference and storage threads; where one happens anyway, the thread
 * that meets it reports it here, and from then on the liveness check is DOWN so the orchestrator replaces the
 * instance: after an OutOfMemoryError no library's state can be trusted.
 */
public final class OutOfMemoryWatch implements HeapFailures {

    private static final System.Logger LOG = System.getLogger(OutOfMemoryWatch.class.getName());

    private final AtomicReference<String> first = new AtomicReference<>();

    /**
     * Records a failure if an {@link OutOfMemoryError} is in its cause chain.
     *
     * @param failure what a thread caught
     * @param where which work failed, for the log and the health details
     * @return whether it was a heap failure
     */
    public boolean record(Throwable failure, String where) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                if (first.compareAndSet(null, where + ": " + t.getMessage())) {
                    LOG.log(Level.ERROR, "Out of memory in " + where + "; the instance now reports itself not live",
                            failure);
                }
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public void outOfMemory(OutOfMemoryError error, String where) {
        record(error, where);
    }

    /** Whether no heap failure has been seen. */
    public boolean live() {
        return first.get() == null;
    }

    /** The liveness check served under {@code /observe/health/live}. */
    public HealthCheck check() {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.LIVENESS;
            }

            @Override
            public String name() {
                return "heap";
            }

            @Override
            public HealthCheckResponse call() {
                String seen = first.get();
                HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(seen == null);
                if (seen != null) {
                    response.detail("outOfMemory", seen);
                }
                return response.build();
            }
        };
    }
}
