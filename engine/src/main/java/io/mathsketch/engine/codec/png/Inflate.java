package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.RecognitionException.CorruptImage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A DEFLATE decoder (RFC 1951) in its zlib wrapper (RFC 1950), specialised for PNG image data. Canvas scanlines are
 * mostly matches at short distances (a pixel or a row back), which zlib copies byte by byte; here every match is one
 * {@code System.arraycopy} or {@code Arrays.fill} (or a few, doubling, when it overlaps itself), and the Adler-32 over
 * the output is skipped (see {@link #start}): on a canvas export this is several times faster than
 * {@link java.util.zip.Inflater}. Huffman codes are read from a 64-bit bit buffer refilled eight bytes at a time,
 * through lookup tables (11 bits for literals and lengths, 8 for distances, with subtables for longer codes).
 *
 * <p>Output goes into a window that keeps the last 32 KB as history for back-references and decodes ahead of the
 * consumer, which takes it {@link #next n bytes at a time}; memory therefore stays bounded however large the image.
 * The total output is bounded by the size the caller expects, and every malformed stream, truncated input included,
 * is a {@link CorruptImage}. An instance is reused from image to image by one thread at a time.
 */
final class Inflate {

    /** Farthest back a DEFLATE match may reach: the output that must stay addressable. */
    static final int HISTORY = 32 * 1024;
    private static final int MAX_MATCH = 258;
    /** Output decoded ahead of the consumer between two slides of the window. */
    private static final int AHEAD = 96 * 1024;
    /** Matches up to this length are copied byte by byte: cheaper than a call for the short ones. */
    private static final int SHORT_MATCH = 16;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** Input {@link #decodeFast} keeps in hand: two word refills per symbol pair, each advancing at most 7 bytes. */
    private static final int FAST_INPUT_MARGIN = 16;
    /** Output room {@link #decodeFast} keeps: a literal, a longest match and the word a match copy may overrun. */
    private static final int FAST_OUTPUT_MARGIN = 1 + MAX_MATCH + Long.BYTES;
    /** Matches up to this length are copied a word at a time in the fast loop even when an arraycopy could. */
    private static final int WORD_MATCH = 64;

    // A table entry: bits 0-3 the code length, 4-7 the extra bits to read after the code (or a subtable's index
    // bits), one flag of 8-11, and bits 16-31 the value (literal, length or distance base, or subtable offset).
    private static final int LITERAL = 1 << 8;
    private static final int END_OF_BLOCK = 1 << 9;
    private static final int INVALID = 1 << 10;
    private static final int SUBTABLE = 1 << 11;

    private static final int LIT_BITS = 11;
    private static final int DIST_BITS = 8;
    private static final int LIT_MASK = (1 << LIT_BITS) - 1;
    private static final int DIST_MASK = (1 << DIST_BITS) - 1;
    private static final int CODE_LENGTH_BITS = 7;
    /** Primary table plus at most one full-depth subtable per code longer than the primary bits. */
    private static final int LIT_TABLE_SIZE = (1 << LIT_BITS) + 286 * (1 << (15 - LIT_BITS));
    private static final int DIST_TABLE_SIZE = (1 << DIST_BITS) + 30 * (1 << (15 - DIST_BITS));

    private static final int LITLEN = 0;
    private static final int DISTANCE = 1;
    private static final int CODE_LENGTHS = 2;

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
        769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
        11, 11, 12, 12, 13, 13};
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private static final int HEADER = 0;
    private static final int STORED = 1;
    private static final int HUFFMAN = 2;
    private static final int DONE = 3;

    private final int[] fixedLit = new int[1 << LIT_BITS];
    private final int[] fixedDist = new int[1 << DIST_BITS];
    private final int[] dynamicLit = new int[LIT_TABLE_SIZE];
    private final int[] dynamicDist = new int[DIST_TABLE_SIZE];
    private final int[] codeLengthTable = new int[1 << CODE_LENGTH_BITS];
    private final int[] lengths = new int[286 + 30];
    private final int[] count = new int[16];
    private final int[] offsets = new int[16];
    private final int[] sorted = new int[288];

    private int[] litTable;
    private int[] distTable;

    // Input: one array range; bitCount counts only bits read from it, so it going negative means truncation.
    private byte[] in;
    private int inPos;
    private int inEnd;
    private long bitBuf;
    private int bitCount;
    private boolean truncated;

    // Output window: out[0, pos) is output, of which [read, pos) is not yet handed out.
    private byte[] out = new byte[0];
    private int pos;
    private int read;
    /** Output dropped off the front of the window so far. */
    private long shifted;
    private long expected;
    private int maxRequest;

    private int state;
    private boolean lastBlock;
    private int storedLeft;

    Inflate() {
        try {
            int[] fixed = lengths;
            Arrays.fill(fixed, 0, 144, 8);
            Arrays.fill(fixed, 144, 256, 9);
            Arrays.fill(fixed, 256, 280, 7);
            Arrays.fill(fixed, 280, 288, 8);
            build(fixedLit, fixed, 0, 288, LIT_BITS, LITLEN);
            Arrays.fill(fixed, 0, 32, 5);
            build(fixedDist, fixed, 0, 32, DIST_BITS, DISTANCE);
        } catch (CorruptImage e) {
            throw new AssertionError("the fixed Huffman codes are valid", e);
        }
    }

    /**
     * Starts decoding the zlib stream in {@code data[offset, offset + length)} (bytes after the stream's end are
     * ignored), which must inflate to exactly {@code expectedSize} bytes, taken at most {@code maxRequest} at a time.
     *
     * <p>The zlib header is checked; the Adler-32 trailer is not: PNG chunk CRCs, verified before any decoding,
     * already cover every byte on the wire, so a second checksum over the output would only cost time.
     */
    void start(byte[] data, int offset, int length, long expectedSize, int maxRequest) throws CorruptImage {
        int capacity = HISTORY + Math.max(AHEAD, maxRequest) + MAX_MATCH;
        if (out.length < capacity) {
            out = new byte[capacity];
        }
        in = data;
        inPos = offset;
        inEnd = offset + length;
        bitBuf = 0;
        bitCount = 0;
        truncated = false;
        pos = 0;
        read = 0;
        shifted = 0;
        expected = expectedSize;
        this.maxRequest = maxRequest;
        state = HEADER;
        lastBlock = false;
        int cmf = bits(8);
        int flg = bits(8);
        if ((cmf << 8 | flg) % 31 != 0 || (cmf & 0x0F) != 8 || cmf >>> 4 > 7) {
            throw corrupt("invalid zlib header");
        }
        if ((flg & 0x20) != 0) {
            throw corrupt("preset dictionary");
        }
    }

    /** The array {@link #next} offsets point into; replaced only by {@link #start}. */
    byte[] window() {
        return out;
    }

    /**
     * Decodes at least {@code n} more bytes (at most the {@code maxRequest} given to {@link #start}) and returns the
     * offset in {@link #window()} where they start. They stay there until the next call.
     */
    int next(int n) throws CorruptImage {
        if (n > maxRequest) {
            throw new IllegalArgumentException(n + " bytes requested at once, more than the " + maxRequest + " announced");
        }
        while (pos - read < n) {
            decodeMore();
            if (pos - read < n && state == DONE) {
                throw new CorruptImage("PNG image data ends before the last scanline");
            }
        }
        int at = read;
        read += n;
        return at;
    }

    /**
     * After all expected output was taken: reads to the end of the stream, so that output beyond the expected size
     * or a malformed last block is detected. Input that ends before the final block does is tolerated, as every
     * scanline is complete. Data after the stream's end is ignored.
     */
    void finish() throws CorruptImage {
        try {
            decode(Integer.MAX_VALUE, pos);
        } catch (CorruptImage e) {
            if (!truncated) {
                throw e;
            }
        } finally {
            in = null;
        }
    }

    /** Drops the reference to the caller's input (the instance outlives the request). */
    void release() {
        in = null;
    }

    private void decodeMore() throws CorruptImage {
        int capacity = out.length - MAX_MATCH;
        if (pos >= capacity) {
            slide();
        }
        long allowed = expected - shifted - pos;
        int outLimit = (int) Math.min(out.length, pos + allowed);
        int stop = Math.min(capacity, outLimit);
        if (pos >= stop) {
            throw new IllegalStateException("more output requested than the expected " + expected + " bytes");
        }
        decode(stop, outLimit);
    }

    /** Keeps the history and the output not yet handed out, drops the rest off the front of the window. */
    private void slide() {
        // The caller needs more than the bytes after read, so read > HISTORY here: the shift is positive.
        int shift = Math.min(read, pos - HISTORY);
        System.arraycopy(out, shift, out, 0, pos - shift);
        pos -= shift;
        read -= shift;
        shifted += shift;
    }

    /** Decodes blocks until the output reaches {@code stop} or the stream ends, never writing past {@code outLimit}. */
    private void decode(int stop, int outLimit) throws CorruptImage {
        while (state != DONE && pos < stop) {
            switch (state) {
                case HEADER -> {
                    if (lastBlock) {
                        state = DONE;
                    } else {
                        readBlockHeader();
                    }
                }
                case STORED -> copyStored(stop, outLimit);
                default -> {
                    if (decodeHuffman(stop, outLimit)) {
                        state = HEADER;
                    }
                }
            }
        }
    }

    private void readBlockHeader() throws CorruptImage {
        int header = bits(3);
        lastBlock = (header & 1) != 0;
        switch (header >>> 1) {
            case 0 -> {
                int skip = bitCount & 7;
                bitBuf >>>= skip;
                bitCount -= skip;
                int length = bits(16);
                int complement = bits(16);
                if (length != (~complement & 0xFFFF)) {
                    throw corrupt("stored block length does not match its complement");
                }
                // Stored bytes are copied straight from the input: give back the whole bytes the buffer holds.
                inPos -= bitCount >>> 3;
                bitBuf = 0;
                bitCount = 0;
                storedLeft = length;
                state = STORED;
            }
            case 1 -> {
                litTable = fixedLit;
                distTable = fixedDist;
                state = HUFFMAN;
            }
            case 2 -> {
                readDynamicTables();
                state = HUFFMAN;
            }
            default -> throw corrupt("invalid block type");
        }
    }

    private void copyStored(int stop, int outLimit) throws CorruptImage {
        int n = Math.min(storedLeft, stop - pos);
        if (n > outLimit - pos) {
            throw tooLong();
        }
        if (n > inEnd - inPos) {
            throw truncated();
        }
        System.arraycopy(in, inPos, out, pos, n);
        inPos += n;
        pos += n;
        storedLeft -= n;
        if (storedLeft == 0) {
            state = HEADER;
        }
    }

    private void readDynamicTables() throws CorruptImage {
        int literals = bits(5) + 257;
        int distances = bits(5) + 1;
        int codeLengthCodes = bits(4) + 4;
        if (literals > 286 || distances > 30) {
            throw corrupt("too many length or distance codes");
        }
        int[] lens = lengths;
        Arrays.fill(lens, 0, 19, 0);
        for (int i = 0; i < codeLengthCodes; i++) {
            lens[CODE_LENGTH_ORDER[i]] = bits(3);
        }
        build(codeLengthTable, lens, 0, 19, CODE_LENGTH_BITS, CODE_LENGTHS);
        int total = literals + distances;
        int n = 0;
        while (n < total) {
            if (bitCount < CODE_LENGTH_BITS) {
                refill();
            }
            int e = codeLengthTable[(int) bitBuf & ((1 << CODE_LENGTH_BITS) - 1)];
            int length = e & 15;
            if (length > bitCount) {
                throw truncated();
            }
            bitBuf >>>= length;
            bitCount -= length;
            int symbol = e >>> 16;
            if (symbol < 16) {
                lens[n++] = symbol;
                continue;
            }
            int value = 0;
            int repeat;
            if (symbol == 16) {
                if (n == 0) {
                    throw corrupt("code length repeat with no previous length");
                }
                value = lens[n - 1];
                repeat = 3 + bits(2);
            } else if (symbol == 17) {
                repeat = 3 + bits(3);
            } else {
                repeat = 11 + bits(7);
            }
            if (repeat > total - n) {
                throw corrupt("code length repeat beyond the last code");
            }
            Arrays.fill(lens, n, n + repeat, value);
            n += repeat;
        }
        if (lens[256] == 0) {
            throw corrupt("no end-of-block code");
        }
        build(dynamicLit, lens, 0, literals, LIT_BITS, LITLEN);
        build(dynamicDist, lens, literals, distances, DIST_BITS, DISTANCE);
        litTable = dynamicLit;
        distTable = dynamicDist;
    }

    /**
     * Decodes literals and matches of a Huffman block until the output reaches {@code stop} (false) or the block
     * ends (true): in bulk by {@link #decodeFast} while input and output are far from their ends, then symbol by
     * symbol with every check. State lives in locals for the loops and goes back to the fields on the way out.
     */
    private boolean decodeHuffman(int stop, int outLimit) throws CorruptImage {
        int fastLimit = Math.min(stop, outLimit) - FAST_OUTPUT_MARGIN;
        if (pos < fastLimit && inPos <= inEnd - FAST_INPUT_MARGIN && decodeFast(fastLimit)) {
            return true;
        }
        final byte[] src = in;
        final byte[] dst = out;
        final int[] lit = litTable;
        final int[] dist = distTable;
        final int fastEnd = inEnd - 8;
        long bits = bitBuf;
        int count = bitCount;
        int ip = inPos;
        int p = pos;
        boolean blockEnd = false;
        while (p < stop) {
            // 48 bits cover the longest match: 15 + 5 for the length, 15 + 13 for the distance.
            if (count < 48) {
                if (ip <= fastEnd) {
                    bits |= (long) LONG_LE.get(src, ip) << count;
                    ip += (63 - count) >>> 3;
                    count |= 56;
                } else {
                    while (count <= 56 && ip < inEnd) {
                        bits |= (long) (src[ip++] & 0xFF) << count;
                        count += 8;
                    }
                }
            }
            int e = lit[(int) bits & LIT_MASK];
            if ((e & SUBTABLE) != 0) {
                e = lit[(e >>> 16) + ((int) (bits >>> LIT_BITS) & ((1 << ((e >>> 4) & 15)) - 1))];
            }
            if ((e & LITERAL) != 0) {
                int length = e & 15;
                bits >>>= length;
                count -= length;
                if (count < 0) {
                    throw truncated();
                }
                if (p >= outLimit) {
                    throw tooLong();
                }
                dst[p++] = (byte) (e >>> 16);
                continue;
            }
            if ((e & (END_OF_BLOCK | INVALID)) != 0) {
                if ((e & INVALID) != 0) {
                    throw count < 15 ? truncated() : corrupt("invalid literal/length code");
                }
                count -= e & 15;
                bits >>>= e & 15;
                if (count < 0) {
                    throw truncated();
                }
                blockEnd = true;
                break;
            }
            int codeLength = e & 15;
            int extra = (e >>> 4) & 15;
            bits >>>= codeLength;
            int length = (e >>> 16) + ((int) bits & ((1 << extra) - 1));
            bits >>>= extra;
            count -= codeLength + extra;

            int d = dist[(int) bits & DIST_MASK];
            if ((d & SUBTABLE) != 0) {
                d = dist[(d >>> 16) + ((int) (bits >>> DIST_BITS) & ((1 << ((d >>> 4) & 15)) - 1))];
            }
            if ((d & INVALID) != 0) {
                throw count < 15 ? truncated() : corrupt("invalid distance code");
            }
            codeLength = d & 15;
            extra = (d >>> 4) & 15;
            bits >>>= codeLength;
            int distance = (d >>> 16) + ((int) bits & ((1 << extra) - 1));
            bits >>>= extra;
            count -= codeLength + extra;
            if (count < 0) {
                throw truncated();
            }
            if (distance > p) {
                throw corrupt("distance too far back");
            }
            if (length > outLimit - p) {
                throw tooLong();
            }
            copyMatch(dst, p, distance, length);
            p += length;
        }
        bitBuf = bits;
        bitCount = count;
        inPos = ip;
        pos = p;
        return blockEnd;
    }

    /**
     * The bulk of a Huffman block, decoded while at least {@link #FAST_INPUT_MARGIN} input bytes remain and the
     * output is below {@code limit}, which leaves room for a literal, a longest match and a word after it. Every
     * refill then reads a whole word, so the bits never run out (no truncation checks); a literal is followed by a
     * second symbol without a refill (a code is at most 15 bits of the 41 left); and matches are copied a word at a
     * time, writing up to 7 bytes past their end that later output overwrites (no per-symbol output checks).
     * Returns true at the end of the block; otherwise the careful loop takes over near either end.
     */
    private boolean decodeFast(int limit) throws CorruptImage {
        final byte[] src = in;
        final byte[] dst = out;
        final int[] lit = litTable;
        final int[] dist = distTable;
        final int inLimit = inEnd - FAST_INPUT_MARGIN;
        long bits = bitBuf;
        int count = bitCount;
        int ip = inPos;
        int p = pos;
        boolean blockEnd = false;
        while (p < limit && ip <= inLimit) {
            bits |= (long) LONG_LE.get(src, ip) << count;
            ip += (63 - count) >>> 3;
            count |= 56;
            int e = lit[(int) bits & LIT_MASK];
            if ((e & SUBTABLE) != 0) {
                e = lit[(e >>> 16) + ((int) (bits >>> LIT_BITS) & ((1 << ((e >>> 4) & 15)) - 1))];
            }
            if ((e & LITERAL) != 0) {
                int n = e & 15;
                bits >>>= n;
                count -= n;
                dst[p++] = (byte) (e >>> 16);
                e = lit[(int) bits & LIT_MASK];
                if ((e & SUBTABLE) != 0) {
                    e = lit[(e >>> 16) + ((int) (bits >>> LIT_BITS) & ((1 << ((e >>> 4) & 15)) - 1))];
                }
                if ((e & LITERAL) != 0) {
                    n = e & 15;
                    bits >>>= n;
                    count -= n;
                    dst[p++] = (byte) (e >>> 16);
                    continue;
                }
                // A match takes up to 48 bits: top up (ip is at most inLimit + 7, so the word is in bounds).
                bits |= (long) LONG_LE.get(src, ip) << count;
                ip += (63 - count) >>> 3;
                count |= 56;
            }
            if ((e & (END_OF_BLOCK | INVALID)) != 0) {
                if ((e & INVALID) != 0) {
                    throw corrupt("invalid literal/length code");
                }
                count -= e & 15;
                bits >>>= e & 15;
                blockEnd = true;
                break;
            }
            int codeLength = e & 15;
            int extra = (e >>> 4) & 15;
            bits >>>= codeLength;
            int length = (e >>> 16) + ((int) bits & ((1 << extra) - 1));
            bits >>>= extra;
            count -= codeLength + extra;

            int d = dist[(int) bits & DIST_MASK];
            if ((d & SUBTABLE) != 0) {
                d = dist[(d >>> 16) + ((int) (bits >>> DIST_BITS) & ((1 << ((d >>> 4) & 15)) - 1))];
            }
            if ((d & INVALID) != 0) {
                throw corrupt("invalid distance code");
            }
            codeLength = d & 15;
            extra = (d >>> 4) & 15;
            bits >>>= codeLength;
            int distance = (d >>> 16) + ((int) bits & ((1 << extra) - 1));
            bits >>>= extra;
            count -= codeLength + extra;
            if (distance > p) {
                throw corrupt("distance too far back");
            }
            copyMatchFast(dst, p, distance, length);
            p += length;
        }
        bitBuf = bits;
        bitCount = count;
        inPos = ip;
        pos = p;
        return blockEnd;
    }

    /**
     * {@link #copyMatch} where up to 7 bytes after the match may be overwritten: a word at a time when the source
     * is at least a word back (each word then reads only bytes already final) and the match is short or overlaps
     * itself, or a repeated pixel-sized pattern when the distance is 1, 2 or 4 (a grey, grey-alpha or RGBA pixel
     * back: how a transparent or flat area compresses).
     */
    private static void copyMatchFast(byte[] b, int p, int distance, int length) {
        int from = p - distance;
        if (distance >= Long.BYTES) {
            if (length <= WORD_MATCH || distance < length) {
                for (int i = 0; i < length; i += Long.BYTES) {
                    LONG_LE.set(b, p + i, (long) LONG_LE.get(b, from + i));
                }
            } else {
                System.arraycopy(b, from, b, p, length);
            }
        } else if ((distance & (distance - 1)) == 0) {
            long pattern = distance == 1 ? (b[from] & 0xFFL) * 0x0101010101010101L
                    : distance == 2 ? ((short) SHORT_LE.get(b, from) & 0xFFFFL) * 0x0001000100010001L
                    : ((int) INT_LE.get(b, from) & 0xFFFFFFFFL) * 0x0000000100000001L;
            for (int i = 0; i < length; i += Long.BYTES) {
                LONG_LE.set(b, p + i, pattern);
            }
        } else {
            copyMatch(b, p, distance, length);
        }
    }

    private static void copyMatch(byte[] b, int p, int distance, int length) {
        int from = p - distance;
        if (length <= SHORT_MATCH) {
            // Byte by byte forwards also repeats a period shorter than the length, as DEFLATE means it to.
            for (int i = 0; i < length; i++) {
                b[p + i] = b[from + i];
            }
        } else if (distance >= length) {
            System.arraycopy(b, from, b, p, length);
        } else if (distance == 1) {
            Arrays.fill(b, p, p + length, b[from]);
        } else {
            // The period repeats: each copy doubles the span that already holds it.
            int done = 0;
            while (done < length) {
                int n = Math.min(distance + done, length - done);
                System.arraycopy(b, from, b, p + done, n);
                done += n;
            }
        }
    }

    /** Reads {@code n <= 16} bits, for headers. */
    private int bits(int n) throws CorruptImage {
        if (bitCount < n) {
            refill();
            if (bitCount < n) {
                throw truncated();
            }
        }
        int value = (int) bitBuf & ((1 << n) - 1);
        bitBuf >>>= n;
        bitCount -= n;
        return value;
    }

    private void refill() {
        if (inPos <= inEnd - 8) {
            // Bits above the count hold the same upcoming bytes, so or-ing them in again is harmless.
            bitBuf |= (long) LONG_LE.get(in, inPos) << bitCount;
            inPos += (63 - bitCount) >>> 3;
            bitCount |= 56;
        } else {
            while (bitCount <= 56 && inPos < inEnd) {
                bitBuf |= (long) (in[inPos++] & 0xFF) << bitCount;
                bitCount += 8;
            }
        }
    }

    /**
     * Fills {@code table} for the canonical Huffman code of {@code lengths[from, from + n)}: codes up to
     * {@code primaryBits} long directly (replicated over the bits they leave unused, reversed because DEFLATE packs
     * codes from their first bit up), longer ones in subtables indexed by the bits after the primary ones.
     * Over-subscribed codes are refused, and so are incomplete ones except the single one-bit code RFC 1951 allows
     * (for distances); slots no code reaches stay {@link #INVALID}.
     */
    private void build(int[] table, int[] lengths, int from, int n, int primaryBits, int kind) throws CorruptImage {
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            count[lengths[from + i]]++;
        }
        count[0] = 0;
        int left = 1;
        int max = 0;
        for (int len = 1; len <= 15; len++) {
            left = (left << 1) - count[len];
            if (left < 0) {
                throw corrupt("over-subscribed " + name(kind) + " code");
            }
            if (count[len] > 0) {
                max = len;
            }
        }
        int primarySize = 1 << primaryBits;
        Arrays.fill(table, 0, primarySize, INVALID);
        if (max == 0 && kind == DISTANCE) {
            return; // a block of literals only; any distance code is invalid
        }
        if (max == 0 || left > 0 && (kind == CODE_LENGTHS || max != 1)) {
            throw corrupt("incomplete " + name(kind) + " code");
        }
        offsets[1] = 0;
        for (int len = 1; len < 15; len++) {
            offsets[len + 1] = offsets[len] + count[len];
        }
        for (int i = 0; i < n; i++) {
            int len = lengths[from + i];
            if (len != 0) {
                sorted[offsets[len]++] = i;
            }
        }
        int subBits = Math.max(0, max - primaryBits);
        int next = primarySize;
        int code = 0;
        int index = 0;
        for (int len = 1; len <= max; len++) {
            for (int k = count[len]; k > 0; k--) {
                int e = entry(kind, sorted[index++]) | len;
                int reversed = Integer.reverse(code) >>> (32 - len);
                if (len <= primaryBits) {
                    for (int i = reversed; i < primarySize; i += 1 << len) {
                        table[i] = e;
                    }
                } else {
                    int prefix = reversed & (primarySize - 1);
                    if ((table[prefix] & SUBTABLE) == 0) {
                        table[prefix] = SUBTABLE | next << 16 | subBits << 4;
                        Arrays.fill(table, next, next + (1 << subBits), INVALID);
                        next += 1 << subBits;
                    }
                    int base = table[prefix] >>> 16;
                    for (int i = reversed >>> primaryBits; i < 1 << subBits; i += 1 << (len - primaryBits)) {
                        table[base + i] = e;
                    }
                }
                code++;
            }
            code <<= 1;
        }
    }

    private static int entry(int kind, int symbol) {
        return switch (kind) {
            case LITLEN -> symbol < 256 ? LITERAL | symbol << 16
                    : symbol == 256 ? END_OF_BLOCK
                    : symbol <= 285 ? LENGTH_BASE[symbol - 257] << 16 | LENGTH_EXTRA[symbol - 257] << 4
                    : INVALID;
            case DISTANCE -> symbol < 30 ? DIST_BASE[symbol] << 16 | DIST_EXTRA[symbol] << 4 : INVALID;
            default -> symbol << 16;
        };
    }

    private static String name(int kind) {
        return switch (kind) {
            case LITLEN -> "literal/length";
            case DISTANCE -> "distance";
            default -> "code length";
        };
    }

    private CorruptImage truncated() {
        truncated = true;
        return new CorruptImage("PNG image data is truncated");
    }

    private static CorruptImage tooLong() {
        return corrupt("more data than the image's scanlines");
    }

    private static CorruptImage corrupt(String detail) {
        return new CorruptImage("PNG image data is not a valid zlib stream: " + detail);
    }
}
