package io.mathsketch.server.store;

/**
 * The database answered, but refused this statement (bad value, constraint, syntax): a fault of the request or of
 * the server, never a sign that the database is down, so it is answered as an internal error and marks nothing.
 */
public final class StoreQueryException extends RuntimeException {

    StoreQueryException(RuntimeException cause) {
        super("the database refused the statement: " + cause.getMessage(), cause);
    }
}
