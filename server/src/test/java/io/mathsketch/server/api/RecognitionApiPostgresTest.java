package io.mathsketch.server.api;

import io.mathsketch.server.testing.PostgresTestDatabase;
import io.mathsketch.server.testing.TestDatabase;

/** The recognition API on a real PostgreSQL (embedded, or the one named by MATHSKETCH_TEST_POSTGRES_URL). */
class RecognitionApiPostgresTest extends AbstractRecognitionApiTest {

    @Override
    protected TestDatabase createDatabase() {
        return new PostgresTestDatabase();
    }

    /** Embedded even when an external PostgreSQL is configured: the outage test stops it. */
    @Override
    protected TestDatabase createStoppableDatabase() {
        return PostgresTestDatabase.embedded();
    }
}
