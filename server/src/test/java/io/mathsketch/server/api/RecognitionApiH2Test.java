package io.mathsketch.server.api;

import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.TestDatabase;

/** The recognition API on H2 (the default embedded database), run as a server so the outage test can stop it. */
class RecognitionApiH2Test extends AbstractRecognitionApiTest {

    @Override
    protected TestDatabase createDatabase() {
        return new H2TestDatabase();
    }

    @Override
    protected TestDatabase createStoppableDatabase() {
        return new H2TestDatabase();
    }
}
