package io.mathsketch.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;
import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's configuration table against the one source of the keys: the section types, as
 * {@link ServerSettings#from(ConfigValues)} reads them. Adding, renaming or re-defaulting a key without updating the
 * table (or the other way round) fails here.
 */
class ConfigurationTableTest {

    @Test
    void theReadmeTableListsEveryKeyWithItsEnvironmentVariableAndDefault() throws IOException {
        Map<String, Key<?>> keys = keysReadAtStartUp();
        Map<String, List<String>> rows = readmeRows();

        assertEquals(keys.keySet(), rows.keySet(), "README configuration table keys vs the keys the server reads");
        keys.forEach((name, key) -> {
            List<String> row = rows.get(name);
            assertEquals("`" + HelidonConfigValues.envName(name) + "`", row.get(1), "environment variable of " + name);
            String expected = documentedDefault(key);
            String documented = row.get(2);
            assertTrue(documented.equals(expected) || documented.startsWith(expected + " ("),
                    "README default of " + name + " is '" + documented + "', the code's is '" + expected + "'");
        });
    }

    @Test
    void applicationYamlRepeatsNoDefault() {
        Config packaged = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.classpath("application.yaml")).build();
        for (String key : keysReadAtStartUp().keySet()) {
            assertFalse(packaged.get(key).exists(), "application.yaml sets " + key + "; its default lives in code");
        }
    }

    /** Every key {@link ServerSettings#from(ConfigValues)} asks for, by full name, with nothing configured. */
    private static Map<String, Key<?>> keysReadAtStartUp() {
        Map<String, Key<?>> keys = new LinkedHashMap<>();
        ServerSettings.from(new Recorder("", keys));
        return keys;
    }

    /** The table under "## Configuration": key to its cells, backticks kept. */
    private static Map<String, List<String>> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf("## Configuration");
        assertTrue(start >= 0, "README has a '## Configuration' section");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split(" \\| ")) {
                    cells.add(cell.trim());
                }
                rows.put(cells.getFirst().replace("`", ""), cells);
            }
        }
        return rows;
    }

    private static String documentedDefault(Key<?> key) {
        if (!key.hasDefault()) {
            return key.defaultText();
        }
        return key.defaultText().isEmpty() ? "empty" : "`" + key.defaultText() + "`";
    }

    private static Path readme() {
        return Checkout.root().resolve("README.md");
    }

    /** Configures nothing and writes down every key asked for. */
    private record Recorder(String prefix, Map<String, Key<?>> keys) implements ConfigValues {

        @Override
        public Optional<String> raw(String name) {
            return Optional.empty();
        }

        @Override
        public <T> Optional<T> find(Key<T> key) {
            keys.put(prefix + key.name(), key);
            return Optional.empty();
        }

        @Override
        public ConfigValues section(String name) {
            return new Recorder(prefix + name + ".", keys);
        }
    }
}
