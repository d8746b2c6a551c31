package io.mathsketch.server.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.function.Consumer;

/**
 * The pooled connections handed to Helidon's DB client, which have themselves evicted from the pool when setting their
 * auto-commit mode fails. Helidon 4.5's {@code JdbcStatement} takes a connection and sets auto-commit on it before it
 * keeps it for closing; when that throws (the database went away under a pooled connection) it throws without closing
 * it, and the pool never gets it back. With an H2 server killed under load the four connections of the default pool
 * were lost that way within seconds, and the instance answered every recognition "not stored" and every read 503 until
 * it was restarted, long after the database was back. Evicted, not just closed: the pool hands a connection used
 * within its last 500 ms out again unchecked, and under load that is every connection, so a broken one given back
 * would fail every request that took it.
 */
final class EvictedOnFailedSetup {

    private EvictedOnFailedSetup() {
    }

    /** @param evict removes a connection from its pool, closing it (HikariCP's {@code evictConnection}) */
    static Connection wrap(Connection connection, Consumer<Connection> evict) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        Throwable failure = e.getCause();
                        if (method.getName().equals("setAutoCommit")) {
                            try {
                                evict.accept(connection);
                            } catch (RuntimeException evictFailure) {
                                failure.addSuppressed(evictFailure);
                            }
                        }
                        throw failure;
                    }
                });
    }
}
