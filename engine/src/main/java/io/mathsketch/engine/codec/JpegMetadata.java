package io.mathsketch.engine.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * JPEG without APPn and COM segments, except those the decoder needs to get the colours right: the JFIF header
 * (its thumbnail removed), the ICC profile (APP2 {@code ICC_PROFILE}) and Adobe's colour transform (APP14
 * {@code Adobe}). Entropy-coded data is copied unchanged; anything after EOI is dropped.
 */
final class JpegMetadata {

    private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, APP0 = 0xE0, APP2 = 0xE2, APP14 = 0xEE,
            APP15 = 0xEF, COM = 0xFE;

    private JpegMetadata() {
    }

    static Optional<byte[]> strip(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(SOI);
        int at = 2;
        while (at + 1 < jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == EOI) {
                out.write(0xFF);
                out.write(EOI);
                return Optional.of(out.toByteArray());
            }
            if (at + 4 > jpeg.length) {
                return Optional.empty();
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            int end = at + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return Optional.empty();
            }
            if (marker == APP0) {
                writeJfif(jpeg, at, length, out);
            } else if (keeps(jpeg, at, marker, length)) {
                out.write(jpeg, at, end - at);
            }
            at = end;
            if (marker == SOS) {
                int data = scanEnd(jpeg, at);
                out.write(jpeg, at, data - at);
                at = data;
            }
        }
        return Optional.empty();
    }

    private static boolean keeps(byte[] jpeg, int at, int marker, int length) {
        if (marker == COM) {
            return false;
        }
        if (marker < APP0 || marker > APP15) {
            return true;
        }
        return marker == APP2 && identifiedAs(jpeg, at, length, "ICC_PROFILE\0")
                || marker == APP14 && identifiedAs(jpeg, at, length, "Adobe");
    }

    /** Keeps a JFIF header without its thumbnail; other APP0 segments (JFXX thumbnails, ...) are dropped. */
    private static void writeJfif(byte[] jpeg, int at, int length, ByteArrayOutputStream out) {
        int fixed = 2 + 5 + 2 + 1 + 2 + 2 + 1 + 1; // length, "JFIF\0", version, units, densities, thumbnail size
        if (length < fixed || !identifiedAs(jpeg, at, length, "JFIF\0")) {
            return;
        }
        byte[] header = Arrays.copyOfRange(jpeg, at, at + 2 + fixed);
        header[2] = 0;
        header[3] = (byte) fixed;
        header[header.length - 2] = 0; // thumbnail width
        header[header.length - 1] = 0; // thumbnail height
        out.writeBytes(header);
    }

    private static boolean identifiedAs(byte[] jpeg, int at, int length, String id) {
        byte[] expected = id.getBytes(StandardCharsets.ISO_8859_1);
        if (length - 2 < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (jpeg[at + 4 + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where the entropy-coded data after a scan header ends: the first marker that is not stuffing or a restart. */
    private static int scanEnd(byte[] jpeg, int at) {
        int i = at;
        while (i + 1 < jpeg.length) {
            if ((jpeg[i] & 0xFF) == 0xFF) {
                int next = jpeg[i + 1] & 0xFF;
                if (next != 0 && (next < 0xD0 || next > 0xD7) && next != 0xFF) {
                    return i;
                }
            }
            i++;
        }
        return jpeg.length;
    }
}
