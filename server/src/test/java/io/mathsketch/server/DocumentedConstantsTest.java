package io.mathsketch.server;

import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the docs give an engine or server constant's value beside its name ({@code `PhotoInk.MAX_PASSES` (41)},
 * {@code 1,048,576 (`RateLimitSettings.FREE_PIXELS`)}), the value is the code's: the constant is the fact's one home,
 * and the docs (README, docs/, the modules' READMEs, the model cards) may not drift from it. Constants of other modules (corpus, training) are not on this class path and
 * are skipped.
 */
class DocumentedConstantsTest {

    private static final String CONSTANT = "`(?:[a-z]+\\.)*([A-Z]\\w+)\\.([A-Z][A-Z0-9_]+)`";
    private static final String NUMBER = "([0-9][0-9,]*(?:\\.[0-9]+)?)";
    /** The name, a few words, then the value in parentheses. */
    private static final Pattern VALUE_AFTER = Pattern.compile(CONSTANT + "[^`()\\n]{0,12}\\(" + NUMBER + "\\)");
    /** The value, a word, then the name in parentheses, perhaps after a few words. */
    private static final Pattern VALUE_BEFORE = Pattern.compile(NUMBER + "(?: [a-z]+)? \\([^`)\\n]{0,20}" + CONSTANT);

    @Test
    void everyValueStatedBesideAConstantIsTheConstants() throws IOException {
        Map<String, List<Class<?>>> classes = new HashMap<>();
        addClasses(Recognizer.class, classes);
        addClasses(Main.class, classes);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : Checkout.markdown()) {
            String text = Files.readString(file);
            for (Matcher m : List.of(VALUE_AFTER.matcher(text), VALUE_BEFORE.matcher(text))) {
                boolean after = m.pattern() == VALUE_AFTER;
                while (m.find()) {
                    String owner = m.group(after ? 1 : 2), name = m.group(after ? 2 : 3);
                    Optional<Object> value = constant(classes.getOrDefault(owner, List.of()), name);
                    if (value.isEmpty()) {
                        continue;
                    }
                    checked++;
                    BigDecimal stated = new BigDecimal(m.group(after ? 3 : 1).replace(",", ""));
                    if (stated.compareTo(new BigDecimal(value.get().toString())) != 0) {
                        wrong.add(Checkout.root().relativize(file) + ": '" + m.group() + "' (" + owner + "." + name
                                + " is " + value.get() + ")");
                    }
                }
            }
        }
        assertTrue(checked >= 5, "found only " + checked + " values beside constants; has the pattern gone stale?");
        assertEquals(List.of(), wrong, "values the docs state that are not the constants'");
    }

    /** A static numeric field {@code name} of one of {@code owners}, whatever its access. */
    private static Optional<Object> constant(List<Class<?>> owners, String name) {
        for (Class<?> owner : owners) {
            try {
                Field field = owner.getDeclaredField(name);
                if (Modifier.isStatic(field.getModifiers()) && (field.getType().isPrimitive()
                        && field.getType() != boolean.class && field.getType() != char.class)) {
                    field.setAccessible(true);
                    return Optional.of(field.get(null));
                }
            } catch (NoSuchFieldException e) {
                // another class of that simple name may hold it
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return Optional.empty();
    }

    /** Every class of {@code member}'s module (a folder or a jar), by simple name (a nested class's own name). */
    private static void addClasses(Class<?> member, Map<String, List<Class<?>>> classes) throws IOException {
        Path location;
        try {
            location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(f -> location.relativize(f).toString()).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(names::add);
            }
        }
        for (String file : names) {
            if (!file.endsWith(".class") || file.endsWith("module-info.class") || file.endsWith("package-info.class")) {
                continue;
            }
            String className = file.substring(0, file.length() - ".class".length()).replace('/', '.')
                    .replace('\\', '.');
            String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
            try {
                classes.computeIfAbsent(simple, s -> new ArrayList<>())
                        .add(Class.forName(className, false, member.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // a class whose dependencies are not on the test class path cannot state a constant here
            }
        }
    }
}
