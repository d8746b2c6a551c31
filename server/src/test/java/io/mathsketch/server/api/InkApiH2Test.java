package io.mathsketch.server.api;

import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.TestDatabase;

/** Digital ink through the API on H2, the default embedded database. */
class InkApiH2Test extends AbstractInkApiTest {

    @Override
    protected TestDatabase createDatabase() {
        return new H2TestDatabase();
    }
}
