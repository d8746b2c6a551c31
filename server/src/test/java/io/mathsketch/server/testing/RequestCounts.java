package io.mathsketch.server.testing;

import java.util.List;

/**
 * Requests the server counted, read from its Prometheus metrics ({@code mathsketch_http_requests_seconds_count}).
 * The meter registry is the JVM's, shared by every test server in the run: a test compares the counts before and
 * after its own requests, never absolute ones.
 */
public final class RequestCounts {

    private static final String COUNT_LINE = "mathsketch_http_requests_seconds_count{";

    private RequestCounts() {
    }

    /** The sum over the count lines of {@code metrics} that contain every one of {@code labels}. */
    public static long counted(String metrics, String... labels) {
        List<String> wanted = List.of(labels);
        return metrics.lines()
                .filter(l -> l.startsWith(COUNT_LINE) && wanted.stream().allMatch(l::contains))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The same, read from the server's {@code /observe/metrics} now. */
    public static long counted(Http server, String... labels) {
        return counted(server.get("/observe/metrics").text(), labels);
    }

    /** {@code POST /api/v1/recognitions} requests counted with this status label ({@code none}: never answered). */
    public static long recognitionPosts(Http server, String status) {
        return counted(server, label("method", "POST"), label("route", "/api/v1/recognitions"),
                label("status", status));
    }

    /** {@code name="value"}, as a label stands on a metrics line. */
    private static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }
}
