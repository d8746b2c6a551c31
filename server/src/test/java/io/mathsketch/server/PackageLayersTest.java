package io.mathsketch.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's packages stand on floors, and every dependency points down (README, "Dependency boundaries"): no two
 * packages depend on each other, directly or round a loop. The dependencies are read from the compiled classes by the
 * JDK's {@code jdeps}, so a fully qualified name counts as an import does and a Javadoc-only import does not.
 */
class PackageLayersTest {

    private static final String ROOT = "io.mathsketch.server";

    /**
     * Bottom first; a package may use only those before it. What a lower floor needs from a higher one it declares
     * and the server's composition root ({@code MathSketchServer}) wires: the store reports to {@code StoreEvents} and
     * {@code HeapFailures}, which {@code observe}'s metrics and heap watch implement; the health checks are handed
     * whether a request is the admin's, the direct error handler the security headers (both {@code access}'s).
     */
    private static final List<String> FLOORS = List.of(ROOT + ".concurrent", ROOT + ".json", ROOT + ".config",
            ROOT + ".store", ROOT + ".observe", ROOT + ".problem", ROOT + ".access", ROOT + ".api", ROOT);

    /** A line of {@code jdeps -verbose:package}: {@code from -> to  archive}. */
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void everyPackageIsOnAFloor() throws IOException {
        assertEquals(new TreeSet<>(FLOORS), packages(), "the server's packages vs the floors this test places them on");
    }

    @Test
    void everyDependencyBetweenServerPackagesPointsDown() {
        List<String> upward = new ArrayList<>();
        for (String line : jdeps().split("\\R")) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.find() && inServer(m.group(1)) && inServer(m.group(2))
                    && FLOORS.indexOf(m.group(2)) >= FLOORS.indexOf(m.group(1))) {
                upward.add(m.group(1) + " -> " + m.group(2));
            }
        }
        assertTrue(upward.isEmpty(), "dependencies that point sideways or up (floors, bottom first: " + FLOORS + "): "
                + upward);
    }

    /** The packages of the server's own classes (not the Helidon class it shadows). */
    private static Set<String> packages() throws IOException {
        Path classes = classes();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .filter(PackageLayersTest::inServer)
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static String jdeps() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
                () -> new AssertionError("jdeps is not in this JDK (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package",
                "-e", Pattern.quote(ROOT) + "(\\..*)?", classes().toString());
        assertEquals(0, status, "jdeps failed: " + err);
        assertTrue(out.toString().contains(ROOT + ".store"), "jdeps listed no dependency on the store: " + out);
        return out.toString();
    }

    private static boolean inServer(String pkg) {
        return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
    }

    private static Path classes() {
        try {
            Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isDirectory(classes), "the server's classes are read from a folder, not " + classes);
            return classes;
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
