package io.mathsketch.server.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.server.access.AdminRequests;
import io.mathsketch.server.store.DatabaseStatus;
import io.mathsketch.server.store.RecognitionStore;

import java.util.List;

/**
 * Readiness: the models are loaded and warmed up, and the database answers a query. A DOWN database makes the
 * instance not ready (so a balancer prefers others) while recognition itself keeps working unstored.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    /**
     * @param adminRequests whether the request being answered carries the admin token: only then does the database
     *                      check show the database's error text, which can name hosts, users and schemas
     */
    public static List<HealthCheck> create(Recognizer recognizer, RecognitionStore store, DatabaseStatus status,
                                           AdminRequests adminRequests) {
        return List.of(new EngineCheck(recognizer), new DatabaseCheck(store, status, adminRequests));
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

    private record DatabaseCheck(RecognitionStore store, DatabaseStatus status, AdminRequests adminRequests)
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
                if (adminRequests.current()) {
                    down.detail("error", String.valueOf(e.getMessage()));
                }
                return down.build();
            }
        }
    }
}
