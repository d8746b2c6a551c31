package io.mathsketch.training.corrections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning command opens the service's database as the service does: README's command names only the URL of the
 * H2 file the server made, whose one user is the server's {@code db.user} ({@code sa} unless {@code DB_USER} says
 * otherwise), so without a {@code --user} it must log in as that user, not as H2's empty one.
 */
class LearnOptionsDatabaseTest {

    @Test
    void withoutUserTheServersUserIsUsedFromItsVariableOrItsDefault() {
        assertEquals(Optional.of("sa"), LearnOptions.parse(Map.of(), "--jdbc-url", "jdbc:h2:file:/x/db").user());
        assertEquals(Optional.of("ms"), LearnOptions.parse(Map.of("DB_USER", "ms"), "--jdbc-url",
                "jdbc:postgresql://db:5432/ms").user());
        assertEquals(Optional.of("given"), LearnOptions.parse(Map.of("DB_USER", "ms"), "--jdbc-url",
                "jdbc:h2:file:/x/db", "--user", "given").user());
        // A URL naming its user keeps it (H2 refuses a second, different user property).
        assertEquals(Optional.empty(), LearnOptions.parse(Map.of(), "--jdbc-url",
                "jdbc:postgresql://db/ms?user=u&password=p").user());
    }

    @Test
    void readmesCommandReadsTheCorrectionsOfAnH2FileTheServerMade(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("mathsketch").toAbsolutePath();
        try (TestStore store = new TestStore(url)) {
            store.add("digit", "7", new byte[784], "mnist-cnn", "1.1.0", "1");
        }
        // README: --jdbc-url "jdbc:h2:file:$PWD/data/db/mathsketch" --output target/learned/mnist-cnn, nothing else.
        LearnOptions options = LearnOptions.parse(Map.of(), "--jdbc-url", url, "--output",
                dir.resolve("learned/mnist-cnn").toString());
        CorrectionExport.Result read = new CorrectionExport(options.jdbcUrl(), options.user().orElse(null),
                options.password().orElse(null)).read();

        assertEquals(1, read.correctedRows());
        assertEquals(1, read.corrections().size());
    }
}
