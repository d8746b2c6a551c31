package io.mathsketch.server.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a statement's own failure (a value out of range, a constraint, a syntax error: SQLSTATE classes 21, 22, 23,
 * 42, 44) from the database being unreachable. Only the second may mark the database down; anything that is not
 * clearly the statement's fault counts as unreachable, the cautious side for a write.
 */
final class StoreFailures {

    private static final Set<String> STATEMENT_CLASSES = Set.of("21", "22", "23", "42", "44");

    private StoreFailures() {
    }

    static boolean isStatementError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && STATEMENT_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
