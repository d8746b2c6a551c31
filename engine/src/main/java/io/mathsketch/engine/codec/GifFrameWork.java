package io.mathsketch.engine.codec;

import java.util.Optional;

/**
 * The work the JDK's GIF reader does for a GIF's first frame (the one frame decoded), counted from the frame's LZW
 * codes without decoding a pixel. The reader's cost follows its codes, not the frame's pixels: each code is written
 * out as the whole string it stands for, up to 4,096 pixels, whether or not the frame still has room for them, and
 * each clear code resets its 4,096-entry table. So a megabyte of codes naming the longest string, for a 28x28 frame,
 * took 10 CPU-seconds, and 8 MB of clear codes 2.8 s (attack corpus: {@code gif-lzw-longest-strings},
 * {@code gif-clear-codes}). A unit is one pixel written; a clear code counts {@link #CLEAR_WORK}. A frame may take
 * {@link #WORK_PER_PIXEL} units per pixel plus {@link #SLACK}: an encoder writes each pixel once, and even one that
 * never compresses ("uncompressed" GIF, a clear code every 3 pixels at the smallest code size) stays under 12.
 *
 * <p>The reader also walks every block up to the frame, each extension and data sub-block at a cost of its own
 * however short it is: 7 MB of 5-byte comment extensions before a 28x28 frame, or of 1-byte sub-blocks of a
 * 1024x1024 frame's data, cost 0.4-0.6 CPU-seconds for one token. So each counts {@link #BLOCK_WORK}; encoders
 * write full sub-blocks of 255 bytes and a few extensions.
 */
final class GifFrameWork {

    /** Units a clear code costs: the reader's table reset took about 35 times what writing one pixel took. */
    static final int CLEAR_WORK = 32;
    /** Units a frame may take per pixel it holds. */
    static final int WORK_PER_PIXEL = 16;
    /**
     * Units a block costs, an extension's introducer or any sub-block (a terminator too): about 60 ns in the reader,
     * some 16 pixels written.
     */
    static final int BLOCK_WORK = 16;
    /** Units any frame may take besides: its last string, and a little more, whatever its size. */
    static final long SLACK = 65_536;

    private static final int EXTENSION = 0x21, IMAGE = 0x2C, TABLE = 4096, MAX_CODE_BITS = 12;

    private GifFrameWork() {
    }

    /** The first frame's pixels and the units its codes take, counted at most up to a little beyond its allowance. */
    record Frame(int width, int height, long work) {
        long allowed() {
            return WORK_PER_PIXEL * (long) width * height + SLACK;
        }

        boolean tooCostly() {
            return work > allowed();
        }
    }

    /** Empty when the first frame cannot be found or its code size is invalid: decoding then reports the file. */
    static Optional<Frame> first(byte[] gif) {
        if (gif.length < 13) {
            return Optional.empty();
        }
        int at = 13 + GifMetadata.colourTable(gif[10]);
        long blocks = 0;
        while (at + 1 < gif.length) {
            int block = gif[at] & 0xFF;
            if (block == EXTENSION) {
                blocks++;
                at += 2;
                while (at < gif.length && gif[at] != 0) {
                    blocks++;
                    at += (gif[at] & 0xFF) + 1;
                }
                if (at >= gif.length) {
                    return Optional.empty();
                }
                blocks++; // the terminator
                at++;
            } else if (block == IMAGE && at + 11 <= gif.length) {
                int width = unsigned16(gif, at + 5), height = unsigned16(gif, at + 7);
                int data = at + 10 + GifMetadata.colourTable(gif[at + 9]);
                if (data >= gif.length || (gif[data] & 0xFF) >= MAX_CODE_BITS) {
                    return Optional.empty();
                }
                Frame frame = new Frame(width, height, 0);
                return Optional.of(new Frame(width, height, work(gif, data + 1, gif[data] & 0xFF,
                        BLOCK_WORK * blocks, frame.allowed())));
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The units the codes from {@code at} take, read as the JDK's reader reads them: a code adds a table entry one
     * longer than the previous code's (except the first after a clear) and writes out its own entry's string; a code
     * beyond the table stands for one pixel; each sub-block read counts {@link #BLOCK_WORK}, after the
     * {@code before} units of the blocks before the frame. Stops at the end code, the end of the data, or once over
     * {@code stop}.
     */
    private static long work(byte[] gif, int at, int minimumCodeSize, long before, long stop) {
        int clear = 1 << minimumCodeSize, end = clear + 1;
        // Lengths of the entries added since the last clear; every other entry is one pixel long.
        int[] length = new int[TABLE];
        int size = minimumCodeSize + 1, next = end + 1, previous = 0;
        boolean fresh = false;
        long work = before;
        Codes codes = new Codes(gif, at);
        for (int code = codes.next(size); code >= 0 && work + BLOCK_WORK * codes.blocks <= stop;
                code = codes.next(size)) {
            if (fresh) {
                // The code after a clear is written out as it is, a clear code too (one pixel: the table is new).
                fresh = false;
                if (code == end) {
                    break;
                }
                work++;
                previous = code;
            } else if (code == clear) {
                work += CLEAR_WORK;
                size = minimumCodeSize + 1;
                next = end + 1;
                fresh = true;
            } else if (code == end) {
                break;
            } else {
                if (next < TABLE) {
                    length[next] = lengthOf(length, previous, end, next) + 1;
                    next++;
                    if (next == 1 << size && size < MAX_CODE_BITS) {
                        size++;
                    }
                }
                work += lengthOf(length, code, end, next);
                previous = code;
            }
        }
        return work + BLOCK_WORK * codes.blocks;
    }

    private static int lengthOf(int[] length, int code, int end, int next) {
        return code > end && code < next ? length[code] : 1;
    }

    private static int unsigned16(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
    }

    /** The frame's codes, least significant bit first, across its sub-blocks. */
    private static final class Codes {
        private final byte[] gif;
        private int at, left, bits;
        private long buffer;
        /** Sub-blocks started so far. */
        private long blocks;

        Codes(byte[] gif, int at) {
            this.gif = gif;
            this.at = at;
        }

        /** The next code of {@code size} bits, or -1 at the end of the data. */
        int next(int size) {
            while (bits < size) {
                if (left == 0) {
                    if (at >= gif.length || gif[at] == 0) {
                        return -1;
                    }
                    left = gif[at++] & 0xFF;
                    blocks++;
                }
                if (at >= gif.length) {
                    return -1;
                }
                buffer |= (long) (gif[at++] & 0xFF) << bits;
                bits += 8;
                left--;
            }
            int code = (int) (buffer & ((1 << size) - 1));
            buffer >>>= size;
            bits -= size;
            return code;
        }
    }
}
