package io.mathsketch.server.observe;

import java.util.List;

/**
 * Where Helidon's features are mounted: the server configures the features with these paths, routes other methods
 * on them to 405 and rate-limits the public ones by address, all from here.
 */
public final class FeaturePaths {

    /** The observe feature's root. */
    public static final String OBSERVE = "/observe";
    /** The health observer's endpoint under {@link #OBSERVE}. */
    public static final String HEALTH_ENDPOINT = "health";
    /** The metrics observer's endpoint under {@link #OBSERVE}. */
    public static final String METRICS_ENDPOINT = "metrics";
    /** The metrics, as served. */
    public static final String METRICS = OBSERVE + "/" + METRICS_ENDPOINT;
    /** The OpenAPI document. */
    public static final String OPENAPI = "/openapi";

    private static final String HEALTH = OBSERVE + "/" + HEALTH_ENDPOINT;
    /** The health checks: all of them, then liveness, readiness and start-up. */
    public static final List<String> HEALTH_PATHS = List.of(HEALTH, HEALTH + "/live", HEALTH + "/ready",
            HEALTH + "/started");

    private FeaturePaths() {
    }
}
