package io.mathsketch.engine.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * GIF with only the blocks a browser uses to show it: image data, colour tables, graphic control extensions (delays,
 * transparency) and the NETSCAPE2.0 / ANIMEXTS1.0 loop count that animation needs. Every other extension is dropped:
 * comments, application extensions (XMP, editor data), plain text extensions (text no browser draws) and labels no
 * decoder knows, which decoders skip.
 */
final class GifMetadata {

    private static final int EXTENSION = 0x21, IMAGE = 0x2C, TRAILER = 0x3B, GRAPHIC_CONTROL = 0xF9, APPLICATION = 0xFF;

    private GifMetadata() {
    }

    static Optional<byte[]> strip(byte[] gif) {
        if (gif.length < 13) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(gif.length);
        int at = 13 + colourTable(gif[10]);
        if (at > gif.length) {
            return Optional.empty();
        }
        out.write(gif, 0, at);
        while (at < gif.length) {
            int block = gif[at] & 0xFF;
            int start = at;
            if (block == TRAILER) {
                out.write(TRAILER);
                return Optional.of(out.toByteArray());
            } else if (block == EXTENSION && at + 1 < gif.length) {
                int label = gif[at + 1] & 0xFF;
                at = subBlocksEnd(gif, at + 2);
                if (at < 0) {
                    return Optional.empty();
                }
                boolean loop = label == APPLICATION && (applicationIs(gif, start, "NETSCAPE2.0")
                        || applicationIs(gif, start, "ANIMEXTS1.0"));
                if (label == GRAPHIC_CONTROL || loop) {
                    out.write(gif, start, at - start);
                }
            } else if (block == IMAGE && at + 10 <= gif.length) {
                at += 10 + colourTable(gif[at + 9]) + 1; // descriptor, local colour table, LZW minimum code size
                at = at <= gif.length ? subBlocksEnd(gif, at) : -1;
                if (at < 0) {
                    return Optional.empty();
                }
                out.write(gif, start, at - start);
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Bytes of the colour table a screen or image descriptor's flags announce. */
    static int colourTable(byte flags) {
        return (flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1);
    }

    /** Position after the sub-block chain starting at {@code at} (its zero terminator included); -1 if truncated. */
    static int subBlocksEnd(byte[] gif, int at) {
        int i = at;
        while (i < gif.length) {
            int size = gif[i] & 0xFF;
            i += size + 1;
            if (size == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean applicationIs(byte[] gif, int extension, String id) {
        // 0x21 0xFF 0x0B then the 11-byte identifier and authentication code
        byte[] expected = id.getBytes(StandardCharsets.ISO_8859_1);
        if (extension + 3 + expected.length > gif.length || (gif[extension + 2] & 0xFF) != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (gif[extension + 3 + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
