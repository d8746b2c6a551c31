package io.mathsketch.server.store;

import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;
import io.mathsketch.engine.Recognition;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps result rows to records. Column lookups tolerate the upper-case labels H2 reports and the lower-case ones
 * PostgreSQL reports, and the different Java types the two drivers return for the same SQL type.
 */
final class RecognitionRows {

    private RecognitionRows() {
    }

    static RecognitionRecord toRecord(DbRow row) {
        ReadingsJson.Decoded readings = ReadingsJson.decode(string(row, "readings"));
        Optional<String> feedbackLabel = Optional.ofNullable(string(row, "feedback_label"));
        return new RecognitionRecord(
                string(row, "id").trim(),
                instant(row, "created_at"),
                string(row, "mode"),
                string(row, "text"),
                ((Number) value(row, "confidence")).doubleValue(),
                readings.labels(),
                readings.readings(),
                (byte[]) value(row, "input_pixels"),
                Optional.ofNullable((byte[]) value(row, "original_image")),
                Optional.ofNullable(string(row, "content_type")),
                new Recognition.ModelRef(string(row, "model_name"), string(row, "model_version")),
                string(row, "engine"),
                string(row, "device"),
                new Recognition.Timings(number(row, "preprocess_nanos"), number(row, "queue_nanos"),
                        number(row, "inference_nanos"), number(row, "postprocess_nanos")),
                feedbackLabel.map(label -> new RecognitionRecord.Feedback(label, instant(row, "feedback_at"))),
                Optional.ofNullable(string(row, "owner")).map(String::trim));
    }

    static String string(DbRow row, String name) {
        Object value = value(row, name);
        return value == null ? null : value.toString();
    }

    static long number(DbRow row, String name) {
        Object value = value(row, name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Instant instant(DbRow row, String name) {
        return switch (value(row, name)) {
            case null -> null;
            case OffsetDateTime t -> t.toInstant();
            case Timestamp t -> t.toInstant();
            case Instant t -> t;
            case Object other -> OffsetDateTime.parse(other.toString()).toInstant();
        };
    }

    private static Object value(DbRow row, String name) {
        DbColumn column;
        try {
            column = row.column(name);
        } catch (DbClientException e) {
            column = row.column(name.toUpperCase(Locale.ROOT));
        }
        return column.asOptional().orElse(null);
    }
}
