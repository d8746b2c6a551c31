package io.mathsketch.server.store;

import io.mathsketch.server.config.DatabaseSettings;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded H2 file's folder: made owner-only when the server makes it (H2's files then follow the umask, 0644 by
 * default, but no other user reaches them), left alone when it exists.
 */
class EmbeddedFileFolderTest {

    @Test
    void theDatabaseFolderItCreatesIsTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("data/db");
        String url = "jdbc:h2:file:" + folder.resolve("mathsketch");

        try (Database database = Database.open(new DatabaseSettings(url, "sa", "", 2, Duration.ofSeconds(3)),
                TestServer.config(Map.of()).get("db.statements"))) {
            // The file is made, in the folder made for it.
            new RecognitionStore(database).insertAll(List.of(StoredRows.row(Instant.now(), 100, "folder-test")));
        }

        assertTrue(Files.exists(folder.resolve("mathsketch.mv.db")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.getParent())));
    }

    @Test
    void aFolderThatExistsIsLeftAsItIs(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        EmbeddedFileFolder.prepare("jdbc:h2:file:" + folder.resolve("mathsketch"));

        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void theFolderIsReadFromTheUrl() {
        assertEquals(Optional.of(Path.of("data/db").toAbsolutePath()),
                EmbeddedFileFolder.folder("jdbc:h2:file:./data/db/mathsketch;WRITE_DELAY=0"));
        assertEquals(Optional.of(Path.of(System.getProperty("user.home"), "x")),
                EmbeddedFileFolder.folder("jdbc:h2:~/x/mathsketch"));
        assertEquals(Optional.of(Path.of("/srv/db")), EmbeddedFileFolder.folder("jdbc:h2:/srv/db/mathsketch"));
        assertEquals(Optional.empty(), EmbeddedFileFolder.folder("jdbc:h2:nio:/srv/db/mathsketch"));
    }
}
