package io.mathsketch.training.corrections;

import io.mathsketch.engine.testing.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real H2 file database with the server's schema, made by running the server's own Flyway migration scripts
 * (read from {@code server/src/main/resources/db/migration}, so a schema change there reaches this test), and rows
 * written as the server writes them.
 */
final class TestStore implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;
    private long sequence;

    TestStore(String url) throws SQLException, IOException {
        // As the server opens it (db.user sa, empty db.password): the file's one user is then sa, as in production.
        connection = DriverManager.getConnection(url, "sa", "");
        try (Statement s = connection.createStatement()) {
            for (Path script : migrations()) {
                // Comment lines go first: a comment may hold a semicolon (V5's does).
                String code = Files.readString(script, StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                for (String sql : code.split(";")) {
                    String statement = sql.strip();
                    if (!statement.isEmpty()) {
                        s.execute(statement);
                    }
                }
            }
        }
        insert = connection.prepareStatement("""
                INSERT INTO recognitions (id, created_at, mode, text, confidence, readings, input_pixels,
                model_name, model_version, engine, device, preprocess_nanos, queue_nanos, inference_nanos,
                postprocess_nanos, feedback_label, feedback_at) VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, 'OnnxRuntime',
                'cpu()', 1, 1, 1, 1, ?, ?)""");
    }

    /** A recognition of {@code text} with the user's {@code feedback} (null: none). */
    void add(String mode, String text, byte[] pixels, String model, String version, String feedback)
            throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusSeconds(sequence++);
        insert.setString(1, new UUID(0x0190_0000_0000_7000L + sequence, 0x8000_0000_0000_0000L + sequence).toString());
        insert.setObject(2, at);
        insert.setString(3, mode);
        insert.setString(4, text);
        insert.setDouble(5, 0.9);
        insert.setBytes(6, pixels);
        insert.setString(7, model);
        insert.setString(8, version);
        insert.setString(9, feedback);
        insert.setObject(10, feedback == null ? null : at.plusSeconds(5));
        insert.executeUpdate();
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(Checkout.folder("server/src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        connection.close();
    }
}
