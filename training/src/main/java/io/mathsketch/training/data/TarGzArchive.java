package io.mathsketch.training.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Just enough of the ustar format to read an npm package tarball: regular files with their names and sizes, read
 * in 512-byte blocks. Links, devices and extended headers are skipped; nothing is written outside the caller's
 * control, because entries are returned in memory rather than extracted to paths taken from the archive.
 */
final class TarGzArchive {

    private static final int BLOCK = 512;

    private TarGzArchive() {
    }

    /** The regular files whose archive name matches {@code wanted}, by name, in archive order. */
    static Map<String, byte[]> read(Path tarGz, Predicate<String> wanted) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarGz), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (true) {
                if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
                    throw new IOException(tarGz + ": truncated tar archive (no end-of-archive marker)");
                }
                if (isZero(header)) {
                    return files;
                }
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = octal(header, 124, 12, tarGz);
                byte type = header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                boolean regular = type == '0' || type == 0;
                if (type == 'L' || (regular && wanted.test(name))) {
                    if (size > Integer.MAX_VALUE - BLOCK) {
                        throw new IOException(tarGz + ": entry " + name + " is too large (" + size + " bytes)");
                    }
                    byte[] data = in.readNBytes((int) size);
                    if (data.length < size) {
                        throw new IOException(tarGz + ": entry " + name + " is truncated");
                    }
                    in.skipNBytes(padded - size);
                    if (type == 'L') {
                        longName = cString(data, 0, data.length);
                    } else {
                        files.put(name, data);
                    }
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length, Path source) throws IOException {
        String field = cString(header, offset, length).trim();
        try {
            return field.isEmpty() ? 0 : Long.parseLong(field, 8);
        } catch (NumberFormatException e) {
            throw new IOException(source + ": corrupt tar header (size field '" + field + "')", e);
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
