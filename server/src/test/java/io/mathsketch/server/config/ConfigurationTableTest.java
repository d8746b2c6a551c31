package io.mathsketch.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;
import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's configuration table against the one source of the keys: the section types, as
 * {@link ServerSettings#from(ConfigValues)} reads them. Adding, renaming or re-defaulting a key without updating the
 * table (or the other way round) fails here.
 */
class ConfigurationTableTest {

    /**
     * A key in backticks, a few words, then a number and its unit in parentheses, possibly said to be the default:
     * {@code `store.queue-bytes` (16 MB)}, {@code `limits.max-digits` (default 32)}. A range ({@code (1-256)}) is not.
     */
    private static final Pattern STATED_DEFAULT = Pattern.compile("`([a-z-]+(?:\\.[a-z-]+)+)`[^`()\\n]{0,12}"
            + "\\((?:default )?([0-9][0-9,]*(?:\\.[0-9]+)?)(?: ?(s|ms|MiB|KiB|MB|KB|bytes))?(?: by default)?[);]");

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

    /**
     * Where the docs or the API document give a key's default in passing ({@code `stats.max-age` (15 s)},
     * {@code `limits.max-digits` digits (32 by default)}), it is the code's default, and the key exists.
     */
    @Test
    void theDefaultsStatedBesideKeysInTheDocsAreTheCodes() throws IOException {
        Map<String, Key<?>> keys = keysReadAtStartUp();
        Path root = Checkout.root();
        List<Path> files = new ArrayList<>(Checkout.markdown());
        files.add(root.resolve("server/src/main/resources/META-INF/openapi.yaml"));
        List<String> wrong = new ArrayList<>();
        int stated = 0;
        for (Path file : files) {
            Matcher m = STATED_DEFAULT.matcher(Files.readString(file));
            while (m.find()) {
                stated++;
                Key<?> key = keys.get(m.group(1));
                if (key == null || !key.hasDefault() || !sameValue(key.defaultValue(), m.group(2), m.group(3))) {
                    wrong.add(root.relativize(file) + ": '" + m.group() + "' (the code's default: "
                            + (key == null ? "no such key" : key.defaultText()) + ")");
                }
            }
        }
        assertTrue(stated >= 10, "found only " + stated + " defaults stated beside keys; has the pattern gone stale?");
        assertEquals(List.of(), wrong, "defaults the docs state that are not the code's");
    }

    /** Whether a stated number with its unit (none, s, ms, MB or MiB as 2^20 bytes, KB or KiB, bytes) is {@code value}. */
    private static boolean sameValue(Object value, String number, String unit) {
        BigDecimal stated = new BigDecimal(number.replace(",", ""));
        if (value instanceof Duration d) {
            return unit != null && stated.compareTo(switch (unit) {
                case "s" -> BigDecimal.valueOf(d.toMillis(), 3);
                case "ms" -> BigDecimal.valueOf(d.toNanos(), 6);
                default -> BigDecimal.valueOf(-1);
            }) == 0;
        }
        if (!(value instanceof Number n)) {
            return false;
        }
        long scale = unit == null || unit.equals("bytes") ? 1 : switch (unit) {
            case "MB", "MiB" -> 1 << 20;
            case "KB", "KiB" -> 1 << 10;
            default -> -1;
        };
        return stated.multiply(BigDecimal.valueOf(scale)).compareTo(BigDecimal.valueOf(n.longValue())) == 0;
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
