package io.mathsketch.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * Loads the project's own classes ({@value #OWN}*) from the baseline commit's benchmarks jar, child first, and
 * everything else (DJL, ONNX Runtime, Gson, the JDK) from the running build's class path. So the baseline's engine,
 * corpus and benchmark code run beside this build's in one JVM, while both share one copy of the third-party
 * libraries: ONNX Runtime's native library can be loaded only once per process, and what the guard watches is our
 * code (a dependency upgrade is compared on equal terms, not guarded).
 */
final class BaselineClassLoader extends URLClassLoader {

    static final String OWN = "io.mathsketch.";
    private static final String OWN_RESOURCES = OWN.replace('.', '/');

    static {
        registerAsParallelCapable();
    }

    BaselineClassLoader(Path baselineJar, ClassLoader parent) throws IOException {
        super("guard-baseline", new URL[] {baselineJar.toUri().toURL()}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OWN)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name); // never the running build's copy
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(OWN_RESOURCES) ? findResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(OWN_RESOURCES) ? findResources(name) : super.getResources(name);
    }
}
