package io.mathsketch.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.logging.common.LogConfig;
import io.helidon.metrics.api.MetricsFactory;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.config.ServerSettings;

import java.lang.System.Logger.Level;

/**
 * Starts MathSketch: reads the configuration ({@code application.yaml}, overridden by system properties and
 * environment variables), validates it, loads the models, migrates the database and serves HTTP.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        LogConfig.configureRuntime();
        Config config = Config.create();
        MathSketchServer server;
        try {
            ServerSettings settings = ServerSettings.from(config);
            server = MathSketchServer.start(config, settings, DjlRecognizer::open, MetricsFactory.getInstance().globalRegistry());
        } catch (ConfigException | ModelLoadException | IllegalStateException e) {
            LOG.log(Level.ERROR, "MathSketch cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        // SIGTERM and SIGINT drain and close the server first and only then exit. Closing from a JVM shutdown hook
        // raced with the other hooks, which all run at once: java.util.logging's closes the log handlers (the
        // shutdown lines were lost in about one stop in three) and H2's closes the database under the last commit.
        StopSignals.install(server::close);
        // Any other exit (System.exit, the last thread ending) still closes it through Helidon's hook.
        io.helidon.Main.addShutdownHandler(server::close);
        LOG.log(Level.INFO, String.format("MathSketch is up on http://localhost:%d/ (started in %d ms)",
                server.port(), (System.nanoTime() - start) / 1_000_000));
    }
}
