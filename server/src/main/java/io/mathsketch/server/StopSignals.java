package io.mathsketch.server;

import sun.misc.Signal;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Stops the server on SIGTERM (what Kubernetes, fly.io, systemd and Docker send) and SIGINT (Ctrl-C) before the JVM
 * begins its exit: the server's own close runs to its end on a non-daemon thread while logging and the embedded
 * database are still there, then the process exits with the status a signal-terminated JVM reports (128 + signal
 * number). {@code sun.misc.Signal}
 * is the JDK's supported way to do this ({@code jdk.unsupported}, part of the runtime image).
 */
final class StopSignals {

    private static final System.Logger LOG = System.getLogger(StopSignals.class.getName());

    private StopSignals() {
    }

    static void install(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.log(Level.INFO, "SIG" + signal.getName() + " received");
                    // The close runs on a non-daemon thread: once the web server has stopped, no other non-daemon
                    // thread is left, and the JVM would otherwise begin to exit (and run every shutdown hook) in the
                    // middle of the drain - the lost shutdown lines and uncommitted rows of issue 12.
                    Thread closing = Thread.ofPlatform().name("mathsketch-stop").daemon(false).start(() -> {
                        try {
                            stop.run();
                        } catch (RuntimeException | Error e) {
                            LOG.log(Level.ERROR, "Stopping after SIG" + signal.getName() + " failed", e);
                        }
                    });
                    try {
                        closing.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // The signal is reserved on this platform (e.g. INT under some debuggers): the JVM's default stays.
                LOG.log(Level.DEBUG, "cannot handle SIG" + name + ": " + e.getMessage());
            }
        }
    }
}
