package io.mathsketch.server.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.server.store.DatabaseStatus;
import io.mathsketch.server.store.RecognitionStore;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The health checks besides the heap's: {@code engine} (readiness: the models are loaded and warmed up) and
 * {@code database} (the database answers a query).
 *
 * <p>The database is shared by every instance, so it is deliberately not a readiness check: were it one, a database
 * outage would make every instance unready at once, and a balancer (Kubernetes Services, HAProxy, fly.io) would
 * drop them all, turning a partial outage (recognitions still answered, unstored; reads 503
 * {@code database-unavailable}) into a full one. Readiness says whether this instance can serve. Helidon gives every
 * check one of three types and shows every check in {@code /observe/health}; of the three, only {@link
 * HealthCheckType#STARTUP} keeps the database out of both probes that act on it ({@code /observe/health/ready}
 * removes an instance from the balancer, {@code /observe/health/live} restarts it). So the database check is a
 * start-up check: it shows DOWN in {@code /observe/health} (for operators and alerts) and in {@code
 * /observe/health/started}, which no probe uses. Start-up itself never waits on it: the server opens its port only
 * after the database has opened and been migrated.
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * @param adminRequest whether the request being answered carries the admin token ({@code access.AdminRequests}):
     *                     only then does the database check show the database's error text, which can name hosts,
     *                     users and schemas
     */
    public static List<HealthCheck> create(Recognizer recognizer, RecognitionStore store, DatabaseStatus status,
                                           BooleanSupplier adminRequest) {
        return List.of(new EngineCheck(recognizer), new DatabaseCheck(store, status, adminRequest));
    }

    private record EngineCheck(Recognizer recognizer) implements HealthCheck {
        @Override
        public HealthCheckType type() {
            return HealthCheckType.READINESS;
        }

        @Override
        public String name() {
            return "engine";
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.builder()
                    .status(recognizer.ready())
                    .detail("models", recognizer.models().size())
                    .build();
        }
    }

    private record DatabaseCheck(RecognitionStore store, DatabaseStatus status, BooleanSupplier adminRequest)
            implements HealthCheck {
        /** Not READINESS (see the class comment), nor LIVENESS (a restart cannot mend a shared database). */
        @Override
        public HealthCheckType type() {
            return HealthCheckType.STARTUP;
        }

        @Override
        public String name() {
            return "database";
        }

        @Override
        public HealthCheckResponse call() {
            try {
                store.ping();
                status.markUp();
                return HealthCheckResponse.builder().status(true).build();
            } catch (RuntimeException e) {
                status.markDown(e);
                HealthCheckResponse.Builder down = HealthCheckResponse.builder().status(false);
                if (adminRequest.getAsBoolean()) {
                    down.detail("error", String.valueOf(e.getMessage()));
                }
                return down.build();
            }
        }
    }
}
