package io.mathsketch.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's entrypoint ({@code deploy/image/entrypoint.sh}), run with a stand-in {@code java} that reports what it
 * was given: a platform's {@code DATABASE_URL} becomes the server's JDBC settings, and ONNX Runtime's extracted natives
 * and the AOT cache are used when the image has them.
 */
class EntrypointTest {

    @TempDir
    Path app;

    @BeforeEach
    void standInJava() throws IOException {
        Path java = app.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/sh
                echo "DB_URL=${DB_URL:-}"; echo "DB_USER=${DB_USER:-}"; echo "DB_PASSWORD=${DB_PASSWORD:-}"
                echo "ARGS=$*"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void flysPostgresUrlBecomesJdbcSettings() throws Exception {
        Map<String, String> out = run(Map.of("DATABASE_URL",
                "postgres://app_user:p%40ss%3Aw%2Frd@mathsketch-db.flycast:5432/mathsketch?sslmode=disable"));
        assertEquals("jdbc:postgresql://mathsketch-db.flycast:5432/mathsketch?sslmode=disable", out.get("DB_URL"));
        assertEquals("app_user", out.get("DB_USER"));
        assertEquals("p@ss:w/rd", out.get("DB_PASSWORD"), "percent-encoded characters decoded");
    }

    @Test
    void defaultPortIpv6HostsAndMissingPasswords() throws Exception {
        Map<String, String> out = run(Map.of("DATABASE_URL", "postgresql://reader@[fdaa:0:1::3]/stats"));
        assertEquals("jdbc:postgresql://[fdaa:0:1::3]:5432/stats", out.get("DB_URL"));
        assertEquals("reader", out.get("DB_USER"));
        assertEquals("", out.get("DB_PASSWORD"));
    }

    @Test
    void explicitSettingsWin() throws Exception {
        Map<String, String> out = run(Map.of("DATABASE_URL", "postgres://a:b@h/d",
                "DB_URL", "jdbc:postgresql://other/db", "DB_USER", "me"));
        assertEquals("jdbc:postgresql://other/db", out.get("DB_URL"));
        assertEquals("me", out.get("DB_USER"));
    }

    @Test
    void aUrlThatIsNotPostgresStopsStartUpWithAMessage() throws Exception {
        Process process = start(Map.of("DATABASE_URL", "mysql://a:b@h/d"));
        assertEquals(2, process.waitFor());
        assertTrue(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).contains("DB_URL"));
    }

    @Test
    void usesTheAotCacheOnlyWhenTheImageHasOne() throws Exception {
        assertFalse(run(Map.of()).get("ARGS").contains("AOTCache"));
        Files.writeString(app.resolve("mathsketch.aot"), "");
        String args = run(Map.of()).get("ARGS");
        assertEquals("@" + app + "/jvm.options -XX:AOTCache=" + app + "/mathsketch.aot -jar " + app
                + "/mathsketch-server.jar", args);
    }

    @Test
    void loadsOnnxRuntimeFromTheExtractedNativesOnlyWhenTheImageHasThem() throws Exception {
        assertFalse(run(Map.of()).get("ARGS").contains("onnxruntime.native.path"));
        Files.createDirectories(app.resolve("native"));
        assertEquals("@" + app + "/jvm.options -Donnxruntime.native.path=" + app + "/native -jar " + app
                + "/mathsketch-server.jar", run(Map.of()).get("ARGS"));
    }

    private Map<String, String> run(Map<String, String> env) throws Exception {
        Process process = start(env);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> values = new LinkedHashMap<>();
        out.lines().forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return values;
    }

    private Process start(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash",
                Repository.file("deploy/image/entrypoint.sh").toString()));
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.equals("DATABASE_URL"));
        builder.environment().putAll(env);
        builder.environment().put("MATHSKETCH_HOME", app.toString());
        builder.environment().put("PATH", app.resolve("bin") + ":" + System.getenv("PATH"));
        return builder.start();
    }
}
