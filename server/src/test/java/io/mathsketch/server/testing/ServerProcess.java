package io.mathsketch.server.testing;

import io.mathsketch.engine.testing.Checkout;
import io.mathsketch.server.Main;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as its own process, started like the packaged one ({@code Main}, the JVM options of
 * {@code server/jvm.options}: its fixed heap matters to tests of memory), configured by environment variables only,
 * with an embedded H2 file database in a folder of the test's. For tests of signals and of memory under attack.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern UP = Pattern.compile("MathSketch is up on http://localhost:(\\d+)/");

    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final String dbUrl;
    private final Thread logReader;

    private ServerProcess(Path dir, Map<String, String> environment) throws IOException {
        this.dbUrl = "jdbc:h2:file:" + dir.resolve("db/mathsketch").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", "0");
        env.put("SERVER_HOST", "localhost");
        env.put("ENGINE_MODELS_DIR", TestServer.modelsFolder().toString());
        env.put("ENGINE_WORKERS", "1");
        env.put("DB_URL", dbUrl);
        env.putAll(environment);
        builder.environment().putAll(env);
        process = builder.start();
        logReader = Thread.ofPlatform().daemon().name("server-log").start(() -> readLog(process.getInputStream()));
    }

    /** Starts the server and waits until it is up. */
    public static ServerProcess start(Path dir, Map<String, String> environment) {
        try {
            ServerProcess server = new ServerProcess(dir, environment);
            try {
                server.port.get(180, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                server.close();
                throw new IllegalStateException("the server did not start:\n" + String.join("\n", server.log), e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code server/jvm.options} without comments: the heap and collector the packaged server runs with. */
    static List<String> jvmOptions() throws IOException {
        Path options = Checkout.folder("server").resolve("jvm.options");
        return Files.readAllLines(options).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private void readLog(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                log.add(line);
                Matcher up = UP.matcher(line);
                if (up.find()) {
                    port.complete(Integer.parseInt(up.group(1)));
                }
            }
        } catch (IOException e) {
            // The process ended; what was read stays in the log.
        }
        port.completeExceptionally(new IllegalStateException("server exited"));
    }

    public int port() {
        return port.join();
    }

    public Http http() {
        return new Http("http://localhost:" + port());
    }

    public String dbUrl() {
        return dbUrl;
    }

    /** Every line the process wrote so far (standard output and error). */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Sends SIGTERM, as platforms stop a server. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; whether it did within {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exited) {
            // Everything the process wrote is in the log once its output has been read to the end.
            logReader.join(10_000);
        }
        return exited;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
