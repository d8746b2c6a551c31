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
 * Readiness: the models are loaded and warmed up, and the database answers a query. A DOWN database makes the
 * instance not ready (so a balancer prefers others) while recognition itself keeps working unstored.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
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
        @Override
        public HealthCheckType type() {
            return HealthCheckType.READINESS;
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
