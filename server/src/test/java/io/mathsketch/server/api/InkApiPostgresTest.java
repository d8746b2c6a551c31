package io.mathsketch.server.api;

import io.mathsketch.server.testing.PostgresTestDatabase;
import io.mathsketch.server.testing.TestDatabase;

/** Digital ink through the API on a real PostgreSQL (embedded, or the one named by MATHSKETCH_TEST_POSTGRES_URL). */
class InkApiPostgresTest extends AbstractInkApiTest {

    @Override
    protected TestDatabase createDatabase() {
        return new PostgresTestDatabase();
    }
}
