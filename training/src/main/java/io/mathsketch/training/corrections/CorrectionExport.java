package io.mathsketch.training.corrections;

import io.mathsketch.engine.image.DigitImage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Reads the corrected recognitions from the service's database (the server's {@code recognitions} table, H2 or
 * PostgreSQL) through plain JDBC, read-only: the connection is set read-only and H2 file databases are opened with
 * {@code ACCESS_MODE_DATA=r}. Independent of the server module; the columns used are those of its migration
 * {@code V1__recognitions.sql}.
 *
 * <p>A correction is a recognition whose feedback label differs from the answer. In digit mode the stored input is
 * one 28x28 digit; in number mode one per digit, and a correction of the same length as the answer yields one
 * correction per differing digit (a correction of another length cannot be aligned with the digits and is skipped).
 *
 * <p>An H2 file is locked by the process that has it open: while the server runs, its file cannot be read here, and
 * {@link #read()} says so in one line ({@link DatabaseInUse}) instead of H2's stack trace.
 */
public final class CorrectionExport {

    /** H2's error code for a file another process holds ({@code DATABASE_ALREADY_OPEN_1}, "may be already in use"). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private static final String QUERY = """
            SELECT id, mode, text, feedback_label, input_pixels, model_name, model_version
            FROM recognitions
            WHERE feedback_label IS NOT NULL AND feedback_label <> text
            ORDER BY id""";

    private final String url;
    private final Properties credentials;

    /** @param user and {@code password} may be null (H2 files, trust authentication) */
    public CorrectionExport(String url, String user, String password) {
        this.url = readOnly(url);
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    /** What was read: the corrections, and how many corrected rows could not be used. */
    public record Result(List<Correction> corrections, int correctedRows, int skippedRows) {
    }

    /**
     * The H2 file is held by another process, most likely the running server. Its message is the one line to show:
     * what happened and the three ways out.
     */
    public static final class DatabaseInUse extends SQLException {

        DatabaseInUse(String url, SQLException cause) {
            super("cannot read " + shown(url) + ": the H2 file is in use by another process, most likely the running"
                    + " server. Stop the server first, or point --jdbc-url at a copy of the file (copied while the"
                    + " server is stopped) or at the server's PostgreSQL.", cause.getSQLState(), cause.getErrorCode(),
                    cause);
        }
    }

    /** Reads the corrections; throws {@link DatabaseInUse} when the H2 file is held by another process. */
    public Result read() throws SQLException {
        try (Connection connection = open()) {
            return read(connection);
        }
    }

    private Connection open() throws SQLException {
        try {
            return DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            if (url.startsWith("jdbc:h2:") && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new DatabaseInUse(url, e);
            }
            throw e;
        }
    }

    private static Result read(Connection connection) throws SQLException {
        List<Correction> out = new ArrayList<>();
        int rows = 0, skipped = 0;
        connection.setReadOnly(true);
        try (PreparedStatement statement = connection.prepareStatement(QUERY);
             ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows++;
                List<Correction> found = corrections(r.getString("id"), r.getString("mode"), r.getString("text"),
                        r.getString("feedback_label").strip(), r.getBytes("input_pixels"),
                        r.getString("model_name"), r.getString("model_version"));
                if (found.isEmpty()) {
                    skipped++;
                }
                out.addAll(found);
            }
        }
        return new Result(List.copyOf(out), rows, skipped);
    }

    static List<Correction> corrections(String id, String mode, String text, String label, byte[] pixels,
                                        String modelName, String modelVersion) {
        int digits = pixels == null ? 0 : pixels.length / DigitImage.SIZE;
        if (digits == 0 || pixels.length % DigitImage.SIZE != 0 || text.length() != digits
                || label.length() != digits || !label.chars().allMatch(Character::isDigit)
                || !text.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        if ("digit".equals(mode) && digits != 1) {
            return List.of();
        }
        List<Correction> out = new ArrayList<>();
        for (int d = 0; d < digits; d++) {
            if (label.charAt(d) != text.charAt(d)) {
                out.add(new Correction(id, d, Arrays.copyOfRange(pixels, d * DigitImage.SIZE,
                        (d + 1) * DigitImage.SIZE), label.charAt(d) - '0', text.charAt(d) - '0', modelName,
                        modelVersion));
            }
        }
        return out;
    }

    /** An H2 file URL gets {@code ACCESS_MODE_DATA=r} unless it sets an access mode itself; others are unchanged. */
    static String readOnly(String url) {
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("ACCESS_MODE_DATA")
                && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")) {
            return url + ";ACCESS_MODE_DATA=r";
        }
        return url;
    }

    /** The URL as it may be shown: without a password. */
    public static String shown(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
