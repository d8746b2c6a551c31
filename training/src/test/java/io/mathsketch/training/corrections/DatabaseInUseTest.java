package io.mathsketch.training.corrections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's learning command run while the server holds its H2 file: H2 refuses a second process (file lock), and the
 * command says so in one line, with the ways out, and exits with its own status instead of printing H2's stack trace.
 * The server is stood in for by another JVM holding a connection opened as the server opens the file (file-lock
 * mode): within one JVM H2 shares the open database, so the lock only shows between processes.
 */
class DatabaseInUseTest {

    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void storeWithACorrection() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("mathsketch").toAbsolutePath();
        try (TestStore store = new TestStore(url)) {
            store.add("digit", "7", new byte[784], "mnist-cnn", "1.1.0", "1");
        }
    }

    @Test
    void aFileTheServerHoldsIsSaidInOneLine() throws Exception {
        try (Holder server = Holder.hold(url)) {
            CorrectionExport.DatabaseInUse e = assertThrows(CorrectionExport.DatabaseInUse.class,
                    () -> new CorrectionExport(url, "sa", "").read());
            String message = e.getMessage();
            assertFalse(message.contains("\n"), message);
            assertTrue(message.contains("in use by another process") && message.contains("Stop the server")
                    && message.contains("--jdbc-url") && message.contains("copy")
                    && message.contains("PostgreSQL"), message);
        }
        // Released, the same file reads as before.
        assertEquals(1, new CorrectionExport(url, "sa", "").read().corrections().size());
    }

    /** The command itself, in its own JVM as learn-from-corrections.sh starts it: status 4, one line, no trace. */
    @Test
    void theCommandExitsWithItsOwnStatusAndNoStackTrace() throws Exception {
        try (Holder server = Holder.hold(url)) {
            Process process = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                    LearnCommand.class.getName(), "--jdbc-url", url,
                    "--output", dir.resolve("learned/mnist-cnn").toString(), "--cache",
                    dir.resolve("no-mnist").toString(), "--npm", dir.resolve("no-npm").toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end");
            assertEquals(LearnCommand.DATABASE_IN_USE, process.exitValue(), err);
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), err);
            assertTrue(lines.getFirst().contains("Stop the server"), err);
            assertFalse(err.contains("org.h2") || err.contains("\tat "), err);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Another JVM that opens the file as the server does (H2's file lock) and holds it until its input closes. */
    static final class Holder implements AutoCloseable {

        private final Process process;

        private Holder(Process process) {
            this.process = process;
        }

        static Holder hold(String url) throws Exception {
            Process process = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                    Holder.class.getName(), url)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String first = new String(process.getInputStream().readNBytes(5), StandardCharsets.UTF_8);
            assertEquals("held\n", first, "the holding JVM did not open the file");
            return new Holder(process);
        }

        public static void main(String[] args) throws Exception {
            try (Connection connection = DriverManager.getConnection(args[0] + ";FILE_LOCK=FILE", "sa", "")) {
                System.out.print("held\n");
                System.out.flush();
                System.in.read();
            }
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
