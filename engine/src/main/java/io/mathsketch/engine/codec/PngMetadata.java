package io.mathsketch.engine.codec;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** PNG without ancillary chunks other than those that change how its pixels look; chunks are copied whole (CRC included). */
final class PngMetadata {

    private static final int SIGNATURE = 8;
    /**
     * Critical chunks, and ancillary ones that affect rendering: transparency, gamma, chromaticities, sRGB intent,
     * ICC profile, significant bits, HDR colour information, animation. Everything else (tEXt, zTXt, iTXt, eXIf,
     * tIME, pHYs, private chunks, ...) is dropped.
     */
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "sBIT", "cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT");

    private PngMetadata() {
    }

    /**
     * The kept chunks, or the input itself when it has nothing to drop (a canvas export): walked once to measure what
     * is kept, then copied once into an array of exactly that size. Stripping runs on every stored PNG request, and
     * a growing stream and its final copy cost twice the image in garbage.
     */
    static Optional<byte[]> strip(byte[] png) {
        int kept = walk(png, null);
        if (kept < 0) {
            return Optional.empty();
        }
        if (kept == png.length) {
            return Optional.of(png);
        }
        byte[] out = new byte[kept];
        walk(png, out);
        return Optional.of(out);
    }

    /**
     * Bytes of the signature and the kept chunks up to IEND, copied into {@code out} when it is given; -1 when the
     * chunks cannot be walked to an IEND.
     */
    private static int walk(byte[] png, byte[] out) {
        int size = SIGNATURE;
        if (out != null) {
            System.arraycopy(png, 0, out, 0, SIGNATURE);
        }
        int at = SIGNATURE;
        while (at + 12 <= png.length) {
            long length = readInt(png, at) & 0xFFFF_FFFFL;
            if (length > png.length - at - 12) {
                return -1;
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            int chunk = (int) length + 12;
            if (KEPT.contains(type)) {
                if (out != null) {
                    System.arraycopy(png, at, out, size, chunk);
                }
                size += chunk;
            }
            at += chunk;
            if (type.equals("IEND")) {
                // Bytes after IEND are not part of the image (and a known place to hide data): dropped.
                return size;
            }
        }
        return -1;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
