package io.mathsketch.engine.codec.png;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Writes DEFLATE streams bit by bit, for the streams java.util.zip.Deflater never produces: matches at exactly
 * 32768 bytes back, chosen overlaps, hand-made dynamic code tables and every kind of malformed block.
 */
final class DeflateWriter {

    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83,
        99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5,
        5, 0};
    static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
        1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
        12, 12, 13, 13};
    static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long buffer;
    private int count;
    /** Codes of the current block: fixed unless {@link #dynamicHeader} set others. */
    private int[] litCodes;
    private int[] litLengths;
    private int[] distCodes;
    private int[] distLengths;

    /** A valid zlib header: deflate, 32 KB window, no dictionary. */
    DeflateWriter zlibHeader() {
        return bits(0x78, 8).bits(0x9C, 8);
    }

    DeflateWriter bits(int value, int n) {
        buffer |= (long) (value & ((1 << n) - 1)) << count;
        count += n;
        while (count >= 8) {
            out.write((int) buffer);
            buffer >>>= 8;
            count -= 8;
        }
        return this;
    }

    /** A Huffman code: DEFLATE sends its first (most significant) bit first. */
    DeflateWriter code(int code, int length) {
        return bits(Integer.reverse(code) >>> (32 - length), length);
    }

    DeflateWriter align() {
        return count == 0 ? this : bits(0, 8 - count);
    }

    DeflateWriter stored(byte[] data, boolean last) {
        bits(last ? 1 : 0, 1).bits(0, 2).align();
        bits(data.length, 16).bits(~data.length, 16);
        for (byte b : data) {
            bits(b, 8);
        }
        return this;
    }

    DeflateWriter fixedHeader(boolean last) {
        int[] lit = new int[288];
        Arrays.fill(lit, 0, 144, 8);
        Arrays.fill(lit, 144, 256, 9);
        Arrays.fill(lit, 256, 280, 7);
        Arrays.fill(lit, 280, 288, 8);
        int[] dist = new int[32];
        Arrays.fill(dist, 5);
        useCodes(lit, dist);
        return bits(last ? 1 : 0, 1).bits(1, 2);
    }

    /**
     * A dynamic block header sending the given code lengths with the given code-length code, using no repeat
     * symbols. The lengths need not form valid codes: this is also how malformed tables are made.
     */
    DeflateWriter dynamicHeader(boolean last, int[] lit, int[] dist, int[] codeLengthLengths) {
        int[] clCodes = canonicalCodes(codeLengthLengths);
        bits(last ? 1 : 0, 1).bits(2, 2);
        bits(lit.length - 257, 5).bits(dist.length - 1, 5).bits(19 - 4, 4);
        for (int symbol : CODE_LENGTH_ORDER) {
            bits(codeLengthLengths[symbol], 3);
        }
        for (int length : lit) {
            code(clCodes[length], codeLengthLengths[length]);
        }
        for (int length : dist) {
            code(clCodes[length], codeLengthLengths[length]);
        }
        useCodes(lit, dist);
        return this;
    }

    /** A code-length code giving every length 0..15 a 4-bit code and no repeat symbols: complete and simple. */
    static int[] plainCodeLengthCode() {
        int[] lengths = new int[19];
        Arrays.fill(lengths, 0, 16, 4);
        return lengths;
    }

    DeflateWriter literal(int value) {
        return code(litCodes[value], litLengths[value]);
    }

    DeflateWriter literals(byte[] data) {
        for (byte b : data) {
            literal(b & 0xFF);
        }
        return this;
    }

    DeflateWriter endOfBlock() {
        return literal(256);
    }

    DeflateWriter match(int length, int distance) {
        int l = index(LENGTH_BASE, length);
        literal(257 + l);
        bits(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
        int d = index(DIST_BASE, distance);
        code(distCodes[d], distLengths[d]);
        return bits(distance - DIST_BASE[d], DIST_EXTRA[d]);
    }

    byte[] toByteArray() {
        align();
        return out.toByteArray();
    }

    private void useCodes(int[] lit, int[] dist) {
        litLengths = lit;
        litCodes = canonicalCodes(lit);
        distLengths = dist;
        distCodes = canonicalCodes(dist);
    }

    private static int index(int[] base, int value) {
        int i = base.length - 1;
        while (base[i] > value) {
            i--;
        }
        return i;
    }

    /** RFC 1951 section 3.2.2: codes assigned in order of length, then symbol. */
    static int[] canonicalCodes(int[] lengths) {
        int[] count = new int[16];
        for (int length : lengths) {
            count[length]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] != 0) {
                codes[i] = next[lengths[i]]++;
            }
        }
        return codes;
    }
}
