package io.mathsketch.engine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Test helper: deterministic mutation of valid inputs into hostile ones, the same sequence for the same seed. Each
 * mutant is one step, a third of them two stacked: bit flips, byte runs set to 0x00 or 0xFF or noise, truncation, a range
 * duplicated or removed, and, where {@link FormatFields} finds the integers a decoder trusts (chunk and segment
 * lengths, dimensions, bit depths, EXIF counts and offsets), one of those set to an extreme. A PNG's scanlines are
 * also mutated inflated and deflated again, since a change to the compressed bytes rarely survives the zlib checksum;
 * its chunk CRCs are recomputed for three mutants in four, so that a mutation gets past the CRC check to the code behind it.
 */
public final class ByteMutator {

    /**
     * The values an integer field is set to: the edges a decoder must check, a few just inside them, and the
     * engine's default largest width and height (4096) either side.
     */
    private static final long[] EXTREMES = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
            0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0xFFFFFFFEL, 16, 17, 65500, 4095, 4096, 4097, 2048};

    private final SplittableRandom random;

    public ByteMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A mutant of {@code seed} (which is not changed). */
    public byte[] mutate(byte[] seed) {
        byte[] bytes = seed.clone();
        int steps = 1 + random.nextInt(3) / 2;
        for (int s = 0; s < steps && bytes.length > 0; s++) {
            bytes = step(bytes);
        }
        if (isPng(bytes) && random.nextInt(4) > 0) {
            fixPngCrcs(bytes);
        }
        return bytes;
    }

    private byte[] step(byte[] b) {
        int kind = random.nextInt(10);
        if (kind >= 8 && isPng(b)) {
            return scanlines(b);
        }
        return switch (kind) {
            case 0 -> flipBits(b);
            case 1, 2 -> setRun(b, random.nextBoolean() ? 0x00 : 0xFF);
            case 3 -> noise(b);
            case 4 -> Arrays.copyOf(b, random.nextInt(b.length));
            case 5 -> duplicate(b);
            case 6 -> remove(b);
            default -> setField(b);
        };
    }

    private byte[] flipBits(byte[] b) {
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    private byte[] setRun(byte[] b, int value) {
        int at = random.nextInt(b.length);
        Arrays.fill(b, at, Math.min(b.length, at + 1 + random.nextInt(64)), (byte) value);
        return b;
    }

    private byte[] noise(byte[] b) {
        int at = random.nextInt(b.length);
        for (int i = at; i < Math.min(b.length, at + 1 + random.nextInt(32)); i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private byte[] duplicate(byte[] b) {
        int from = random.nextInt(b.length);
        int length = Math.min(b.length - from, 1 + random.nextInt(512));
        int to = random.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + length);
        out.write(b, 0, to);
        out.write(b, from, length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    private byte[] remove(byte[] b) {
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(256));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, from);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    private byte[] setField(byte[] b) {
        List<FormatFields.Field> fields = FormatFields.of(b);
        if (fields.isEmpty()) {
            return flipBits(b);
        }
        FormatFields.Field field = fields.get(random.nextInt(fields.size()));
        long value = random.nextInt(4) == 0 ? random.nextLong() : EXTREMES[random.nextInt(EXTREMES.length)];
        for (int i = 0; i < field.size(); i++) {
            int shift = 8 * (field.bigEndian() ? field.size() - 1 - i : i);
            b[field.offset() + i] = (byte) (value >>> shift);
        }
        return b;
    }

    /** The PNG with its inflated image data mutated by one byte-level step and deflated again into one IDAT. */
    private byte[] scanlines(byte[] png) {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        before.write(png, 0, 8);
        for (int at = 8; at + 12 <= png.length; ) {
            long length = u32(png, at);
            if (at + 12 + length > png.length) {
                return flipBits(png);
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT")) {
                compressed.write(png, at + 8, (int) length);
            } else {
                (compressed.size() == 0 ? before : after).write(png, at, 12 + (int) length);
            }
            at += 12 + (int) length;
        }
        byte[] raw = inflate(compressed.toByteArray());
        if (raw.length == 0) {
            return flipBits(png);
        }
        int kind = random.nextInt(5);
        raw = switch (kind) {
            case 0 -> flipBits(raw);
            case 1 -> setRun(raw, random.nextBoolean() ? 0x00 : 0xFF);
            case 2 -> noise(raw);
            case 3 -> duplicate(raw);
            default -> remove(raw);
        };
        PngBytes.chunk(before, "IDAT", PngBytes.deflate(raw));
        before.writeBytes(after.toByteArray());
        return before.toByteArray();
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished() && out.size() < 1 << 24) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P';
    }

    /** Recomputes the CRC of every chunk whose stated length fits in the bytes. */
    private static void fixPngCrcs(byte[] b) {
        for (int at = 8; at + 12 <= b.length; ) {
            long length = u32(b, at);
            if (at + 12 + length > b.length) {
                return;
            }
            CRC32 crc = new CRC32();
            crc.update(b, at + 4, 4 + (int) length);
            int end = at + 8 + (int) length;
            long value = crc.getValue();
            for (int i = 0; i < 4; i++) {
                b[end + i] = (byte) (value >>> (24 - 8 * i));
            }
            at = end + 4;
        }
    }
}
