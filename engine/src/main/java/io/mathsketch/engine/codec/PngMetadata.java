package io.mathsketch.engine.codec;

import java.io.ByteArrayOutputStream;
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

    static Optional<byte[]> strip(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE);
        int at = SIGNATURE;
        while (at + 12 <= png.length) {
            long length = readInt(png, at) & 0xFFFF_FFFFL;
            if (length > png.length - at - 12) {
                return Optional.empty();
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            int chunk = (int) length + 12;
            if (KEPT.contains(type)) {
                out.write(png, at, chunk);
            }
            at += chunk;
            if (type.equals("IEND")) {
                // Bytes after IEND are not part of the image (and a known place to hide data): dropped.
                return Optional.of(out.toByteArray());
            }
        }
        return Optional.empty();
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
