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
            APP15 = 0xEF, COM = 0xFE, SOF0 = 0xC0, DHT = 0xC4, JPG = 0xC8, DAC = 0xCC, SOF15 = 0xCF;

    /** Pseudo-marker for the entropy-coded data that follows a scan header. */
    private static final int SCAN_DATA = -1;

    private JpegMetadata() {
    }

    /**
     * The most scans a JPEG may hold to be decoded. Each progressive scan makes the decoder walk every block of the
     * image again, yet can be a dozen bytes long, so a small file could cost CPU by its scan count rather than its
     * pixels. The encoders' own progressive scripts use 10 scans for colour images and at most 6 per component.
     */
    static final int MAX_SCANS = 64;

    /**
     * The most passes over the largest image admitted ({@code limits.max-image-pixels}) a progressive JPEG's scans
     * may cost: its scans times its pixels may be at most this times that limit. The JDK's reader makes a whole
     * output pass (inverse DCT, colour conversion, every row copied into the raster) after each progressive scan,
     * whatever the read parameters ask, so such a JPEG costs CPU by its pixels times its scans, in native code no
     * request timeout stops: 63 empty scans of a 4096x4096 colour frame (100 KB) took 4.7 CPU-seconds, a baseline
     * JPEG of that size 0.6 s. Encoders' scripts use 10 scans for colour, so a progressive picture of the largest
     * size is read; at 4096x4096 more than 16 scans are refused, at 2048x2048 more than {@link #MAX_SCANS}.
     */
    static final int MAX_PASSES_OVER_LARGEST_IMAGE = 16;

    /**
     * The most APPn segments a JPEG may hold to be read. The JDK's reader keeps them in a list it walks to
     * the end before adding each (libjpeg's {@code save_marker}), so its header alone costs their count squared, in
     * native code no request timeout stops: 30,000 empty APP1 segments (120 KB) took 4.6 CPU-seconds, 2 million (8 MB)
     * would take hours. A camera's JPEG holds a few (JFIF, EXIF, XMP, an ICC profile, MPF); 8 MB of 64 KB segments
     * are 128. (Comments are not kept so: 30,000 cost 20 ms.)
     */
    static final int MAX_APPLICATION_SEGMENTS = 512;

    static Optional<byte[]> strip(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(SOI);
        boolean complete = walk(jpeg, (marker, at, end) -> {
            if (marker == EOI) {
                out.write(0xFF);
                out.write(EOI);
            } else if (marker == APP0) {
                writeJfif(jpeg, at, end - at - 2, out);
            } else if (marker == SCAN_DATA || keeps(jpeg, at, marker, end - at - 2)) {
                out.write(jpeg, at, end - at);
            }
        });
        return complete ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    /**
     * The number of scans (SOS segments) before EOI, counted without decoding; a malformed stream is counted as far as
     * it can be read, and the decoder reports what is wrong with it.
     */
    static int scans(byte[] jpeg) {
        int[] scans = new int[1];
        walk(jpeg, (marker, at, end) -> {
            if (marker == SOS) {
                scans[0]++;
            }
        });
        return scans[0];
    }

    /** The number of APPn segments before EOI, counted as {@link #scans} counts the scans. */
    static int applicationSegments(byte[] jpeg) {
        int[] segments = new int[1];
        walk(jpeg, (marker, at, end) -> {
            if (marker >= APP0 && marker <= APP15) {
                segments[0]++;
            }
        });
        return segments[0];
    }

    /**
     * Width times height of the first frame header (SOFn) before EOI, or 0 when there is none; read as
     * {@link #scans} counts the scans.
     */
    static long framePixels(byte[] jpeg) {
        long[] pixels = new long[1];
        walk(jpeg, (marker, at, end) -> {
            if (pixels[0] == 0 && isFrame(marker) && end - at >= 9) {
                // After the marker and length: precision (1 byte), height and width (2 bytes each).
                pixels[0] = (long) u16(jpeg, at + 5) * u16(jpeg, at + 7);
            }
        });
        return pixels[0];
    }

    /** SOF0-SOF15 but DHT, JPG and DAC, which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= SOF0 && marker <= SOF15 && marker != DHT && marker != JPG && marker != DAC;
    }

    private static int u16(byte[] jpeg, int at) {
        return (jpeg[at] & 0xFF) << 8 | (jpeg[at + 1] & 0xFF);
    }

    private interface SegmentVisitor {
        /** A segment {@code [at, end)} from its 0xFF marker byte, or {@link #SCAN_DATA} after an SOS segment. */
        void visit(int marker, int at, int end);
    }

    /** Visits the segments after SOI up to EOI; false when the stream ends or breaks before EOI. */
    private static boolean walk(byte[] jpeg, SegmentVisitor visitor) {
        int at = 2;
        while (at + 1 < jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == EOI) {
                visitor.visit(EOI, at, at + 2);
                return true;
            }
            if (at + 4 > jpeg.length) {
                return false;
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            int end = at + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return false;
            }
            visitor.visit(marker, at, end);
            at = end;
            if (marker == SOS) {
                int data = scanEnd(jpeg, at);
                visitor.visit(SCAN_DATA, at, data);
                at = data;
            }
        }
        return false;
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
