package io.mathsketch.server.testing;

import org.h2.tools.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** H2 in server (TCP) mode over a fresh temporary folder, so a test can stop it like a real database server. */
public final class H2TestDatabase implements TestDatabase {

    private final Path folder;
    private final int port;
    private Server server;

    public H2TestDatabase() {
        try {
            folder = Files.createTempDirectory("mathsketch-h2");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restart();
    }

    @Override
    public String url() {
        return "jdbc:h2:tcp://localhost:" + port + "/mathsketch";
    }

    @Override
    public String user() {
        return "sa";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public boolean canStop() {
        return true;
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public void restart() {
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", folder.toString(),
                    "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start H2 on port " + port, e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
