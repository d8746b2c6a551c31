package io.mathsketch.server.store;

/** The database could not be reached or refused the operation; the caller answers 503 or "not stored". */
public final class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(RuntimeException cause) {
        super("the database is not available: " + cause.getMessage(), cause);
    }
}
