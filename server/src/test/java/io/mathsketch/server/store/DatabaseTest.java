package io.mathsketch.server.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseTest {

    @Test
    void anEmbeddedFileDatabaseGetsTheServersSettings() {
        assertEquals("jdbc:h2:file:./data/db/mathsketch;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=4096"
                + ";AUTO_COMPACT_FILL_RATE=50",
                Database.embeddedDefaults("jdbc:h2:file:./data/db/mathsketch"));
    }

    @Test
    void settingsTheUrlChoosesAreKept() {
        assertEquals("jdbc:h2:./db;write_delay=500;DB_CLOSE_ON_EXIT=TRUE;CACHE_SIZE=4096;AUTO_COMPACT_FILL_RATE=50",
                Database.embeddedDefaults("jdbc:h2:./db;write_delay=500;DB_CLOSE_ON_EXIT=TRUE"));
    }

    @Test
    void serverModeInMemoryAndOtherDatabasesAreLeftAlone() {
        for (String url : new String[] {"jdbc:h2:tcp://db:9092/mathsketch", "jdbc:h2:ssl://db/mathsketch",
                "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:postgresql://db:5432/mathsketch"}) {
            assertEquals(url, Database.embeddedDefaults(url));
        }
    }
}
