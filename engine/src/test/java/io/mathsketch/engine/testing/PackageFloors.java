package io.mathsketch.engine.testing;

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

/**
 * A module's packages on floors, bottom first, checked against the dependencies its compiled classes have: read by
 * the JDK's {@code jdeps}, so a fully qualified name counts as an import does and a Javadoc-only import does not.
 * The engine's and the server's {@code PackageLayersTest}s use it.
 *
 * @param root the module's root package
 * @param floors every package of the module, bottom first; a package may use only those before it
 * @param classes the folder of the module's compiled classes
 */
public record PackageFloors(String root, List<String> floors, Path classes) {

    /** A line of {@code jdeps -verbose:package}: {@code from -> to  archive}. */
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    public PackageFloors {
        floors = List.copyOf(floors);
    }

    /** The floors of the module whose compiled classes hold {@code member}, read from their folder. */
    public static PackageFloors of(Class<?> member, String root, List<String> floors) {
        try {
            Path classes = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(classes)) {
                throw new AssertionError("the classes are read from a folder, not " + classes);
            }
            return new PackageFloors(root, floors, classes);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The packages of the module's own classes. */
    public Set<String> packages() throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .filter(this::inModule)
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** The dependencies between the module's packages that point sideways or up, as {@code from -> to}. */
    public List<String> upward() {
        String listing = jdeps();
        if (!listing.contains(" -> " + root)) {
            throw new AssertionError("jdeps listed no dependency between the module's packages: " + listing);
        }
        List<String> upward = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.find() && inModule(m.group(1)) && inModule(m.group(2))
                    && floors.indexOf(m.group(2)) >= floors.indexOf(m.group(1))) {
                upward.add(m.group(1) + " -> " + m.group(2));
            }
        }
        return upward;
    }

    private String jdeps() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
                () -> new AssertionError("jdeps is not in this JDK (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package",
                "-e", Pattern.quote(root) + "(\\..*)?", classes.toString());
        if (status != 0) {
            throw new AssertionError("jdeps failed: " + err);
        }
        return out.toString();
    }

    private boolean inModule(String pkg) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }
}
