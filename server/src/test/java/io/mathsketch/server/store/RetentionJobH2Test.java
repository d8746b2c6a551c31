package io.mathsketch.server.store;

import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.TestDatabase;

class RetentionJobH2Test extends AbstractRetentionJobTest {

    @Override
    protected TestDatabase createDatabase() {
        return new H2TestDatabase();
    }
}
