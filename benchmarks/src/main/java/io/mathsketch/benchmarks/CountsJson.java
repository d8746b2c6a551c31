package io.mathsketch.benchmarks;

import java.util.Map;

/** Counts by key (an HTTP status, an error message) as the members of a JSON object, for the load tools' reports. */
final class CountsJson {

    private CountsJson() {
    }

    /** {@code "key": count, ...} in the map's order, each key a JSON string (quotes turned into apostrophes). */
    static String members(Map<?, ? extends Number> counts) {
        StringBuilder members = new StringBuilder();
        counts.forEach((key, count) -> members.append(members.isEmpty() ? "" : ", ").append('"')
                .append(String.valueOf(key).replace("\\", "\\\\").replace("\"", "'")).append("\": ").append(count));
        return members.toString();
    }
}
