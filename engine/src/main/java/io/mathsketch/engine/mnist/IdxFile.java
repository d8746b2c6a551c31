package io.mathsketch.engine.mnist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX format of the MNIST files: unsigned-byte images (magic {@code 0x00000803}) and labels
 * ({@code 0x00000801}), plain or gzip-compressed (recognised by the gzip magic {@code 1f 8b}). Every header field is
 * checked against the data actually present, so a truncated, oversized or mismatched file fails with an
 * {@link IdxFormatException} naming the file and the problem.
 */
public final class IdxFile {

    /** Unsigned-byte data, 3 dimensions (count, rows, cols). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned-byte data, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    /** Images larger than this per side are not MNIST-like digits; refusing them bounds memory use. */
    private static final int MAX_SIDE = 4096;

    private IdxFile() {
    }

    public static MnistImages readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        }
    }

    public static MnistLabels readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /**
     * Reads an image file from a stream (not closed here).
     *
     * @param source name of the data in error messages, e.g. the file name
     */
    public static MnistImages readImages(InputStream in, String source) throws IOException {
        return read(source, in, (data, s) -> {
            int[] dims = header(data, s, IMAGES_MAGIC, 3, "images");
            int count = dims[0], rows = dims[1], cols = dims[2];
            if (rows == 0 || cols == 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new IdxFormatException(s, "implausible image size " + rows + "x" + cols);
            }
            byte[] pixels = body(data, s, (long) count * rows * cols, count + " images of " + rows + "x" + cols);
            return new MnistImages(count, rows, cols, pixels);
        });
    }

    /**
     * Reads a label file from a stream (not closed here).
     *
     * @param source name of the data in error messages, e.g. the file name
     */
    public static MnistLabels readLabels(InputStream in, String source) throws IOException {
        return read(source, in, (data, s) -> {
            int count = header(data, s, LABELS_MAGIC, 1, "labels")[0];
            byte[] labels = body(data, s, count, count + " labels");
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] > 9) {
                    throw new IdxFormatException(s, "label " + i + " is " + (labels[i] & 0xFF) + ", not a digit 0-9");
                }
            }
            return new MnistLabels(labels);
        });
    }

    /** Writes images as IDX, gzip-compressed when {@code gzip} is set. The stream is not closed. */
    public static void write(MnistImages images, OutputStream out, boolean gzip) throws IOException {
        write(out, gzip, new int[] {IMAGES_MAGIC, images.count(), images.rows(), images.cols()}, images.pixels());
    }

    /** Writes labels as IDX, gzip-compressed when {@code gzip} is set. The stream is not closed. */
    public static void write(MnistLabels labels, OutputStream out, boolean gzip) throws IOException {
        write(out, gzip, new int[] {LABELS_MAGIC, labels.count()}, labels.labels());
    }

    private static void write(OutputStream out, boolean gzip, int[] header, byte[] body) throws IOException {
        OutputStream target = gzip ? new GZIPOutputStream(nonClosing(out), 1 << 16) : nonClosing(out);
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(target))) {
            for (int field : header) {
                data.writeInt(field);
            }
            data.write(body);
        }
    }

    private interface Parser<T> {
        T parse(InputStream data, String source) throws IOException;
    }

    private static <T> T read(String source, InputStream raw, Parser<T> parser) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        boolean gzip = b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
        try {
            InputStream data = gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
            T result = parser.parse(data, source);
            if (data.read() != -1) {
                throw new IdxFormatException(source, "unexpected data after the declared content");
            }
            return result;
        } catch (ZipException e) {
            throw new IdxFormatException(source, "corrupt gzip data: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new IdxFormatException(source, "truncated gzip data", e);
        }
    }

    private static int[] header(InputStream data, String source, int magic, int dims, String kind) throws IOException {
        byte[] head = data.readNBytes(4 * (1 + dims));
        if (head.length < 4) {
            throw new IdxFormatException(source, "truncated: " + head.length + " bytes, not even a magic number");
        }
        ByteBuffer buffer = ByteBuffer.wrap(head);
        int actual = buffer.getInt();
        if (actual != magic) {
            throw new IdxFormatException(source, String.format(
                    "magic number 0x%08x is not 0x%08x (IDX unsigned-byte %s with %d dimension%s)%s",
                    actual, magic, kind, dims, dims == 1 ? "" : "s", describe(actual)));
        }
        if (head.length < 4 * (1 + dims)) {
            throw new IdxFormatException(source, "truncated header: " + head.length + " of " + 4 * (1 + dims) + " bytes");
        }
        int[] sizes = new int[dims];
        for (int i = 0; i < dims; i++) {
            sizes[i] = buffer.getInt();
            if (sizes[i] < 0) {
                throw new IdxFormatException(source, "dimension " + i + " is negative (" + sizes[i] + ")");
            }
        }
        return sizes;
    }

    private static String describe(int magic) {
        if ((magic >>> 16) != 0) {
            return " - not an IDX file";
        }
        int type = (magic >>> 8) & 0xFF, dims = magic & 0xFF;
        return type == 0x08 ? " - this is an unsigned-byte file with " + dims + " dimension(s)"
                : String.format(" - data type 0x%02x is not unsigned byte", type);
    }

    private static byte[] body(InputStream data, String source, long expected, String what) throws IOException {
        if (expected > Integer.MAX_VALUE - 16) {
            throw new IdxFormatException(source, "declares " + what + ", more than fits in memory");
        }
        // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
        byte[] body = data.readNBytes((int) expected);
        if (body.length < expected) {
            throw new IdxFormatException(source, "truncated: header declares " + what + " (" + expected
                    + " bytes) but only " + body.length + " bytes follow");
        }
        return body;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
