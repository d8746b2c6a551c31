package io.mathsketch.server.store;

import io.mathsketch.server.testing.PostgresTestDatabase;
import io.mathsketch.server.testing.TestDatabase;

class RetentionJobPostgresTest extends AbstractRetentionJobTest {

    @Override
    protected TestDatabase createDatabase() {
        return new PostgresTestDatabase();
    }
}
