package io.mathsketch.server.store;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreFailuresTest {

    @Test
    void aRefusedStatementIsTheStatementsFault() {
        assertTrue(StoreFailures.isStatementError(wrapped(new SQLException("timestamp out of range", "22008"))));
        assertTrue(StoreFailures.isStatementError(wrapped(new SQLException("value too long", "22001"))));
        assertTrue(StoreFailures.isStatementError(wrapped(new SQLException("syntax error", "42601"))));
        assertTrue(StoreFailures.isStatementError(wrapped(new SQLException("duplicate key", "23505"))));
    }

    @Test
    void anythingElseCountsAsTheDatabaseBeingUnreachable() {
        assertFalse(StoreFailures.isStatementError(wrapped(new SQLException("connection refused", "08001"))));
        assertFalse(StoreFailures.isStatementError(wrapped(new SQLTransientConnectionException("pool timeout"))));
        assertFalse(StoreFailures.isStatementError(wrapped(new SQLException("terminating connection", "57P01"))));
        assertFalse(StoreFailures.isStatementError(new RuntimeException(new ConnectException("refused"))));
        assertFalse(StoreFailures.isStatementError(new RuntimeException("no cause at all")));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("outer", new IllegalStateException("middle", cause));
    }
}
