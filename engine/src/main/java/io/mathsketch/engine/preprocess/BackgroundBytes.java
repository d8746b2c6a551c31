package io.mathsketch.engine.preprocess;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Stretches of a decoded plane that hold only the background byte, found a word at a time: most of a digit's
 * canvas, and most of its ink box, is background, and the steps after decoding (the ink box, the first resampling
 * pass) need not look at it byte by byte. A background byte is given as a word of eight copies of it
 * ({@link #pattern}).
 */
final class BackgroundBytes {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private BackgroundBytes() {
    }

    /** Eight copies of the byte {@code value}. */
    static long pattern(int value) {
        return (value & 0xFFL) * 0x0101010101010101L;
    }

    /** Whether the {@code n} bytes at {@code bytes[from]} all equal the byte of {@code pattern}. */
    static boolean all(byte[] bytes, int from, int n, long pattern) {
        if (n >= Long.BYTES) {
            // Whole words, the last one ending where the stretch ends (it may overlap the one before).
            int last = from + n - Long.BYTES;
            for (int i = from; i < last; i += Long.BYTES) {
                if ((long) LONG.get(bytes, i) != pattern) {
                    return false;
                }
            }
            return (long) LONG.get(bytes, last) == pattern;
        }
        if (n >= Integer.BYTES) {
            return (int) INT.get(bytes, from) == (int) pattern
                    && (int) INT.get(bytes, from + n - Integer.BYTES) == (int) pattern;
        }
        for (int i = from; i < from + n; i++) {
            if (bytes[i] != (byte) pattern) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first index in {@code [from, to)} at or after which a byte may differ from the background: {@code from}
     * advanced over whole words of background, so at most the first eight bytes after it need looking at one by one
     * before the next call (never past {@code to}).
     */
    static int skipForward(byte[] bytes, int from, int to, long pattern) {
        int i = from;
        while (i + Long.BYTES <= to && (long) LONG.get(bytes, i) == pattern) {
            i += Long.BYTES;
        }
        return i;
    }

    /**
     * Like {@link #skipForward} backwards: the exclusive end in {@code (from, to]} before which a byte may differ,
     * {@code to} moved back over whole words of background.
     */
    static int skipBackward(byte[] bytes, int from, int to, long pattern) {
        int i = to;
        while (i - Long.BYTES >= from && (long) LONG.get(bytes, i - Long.BYTES) == pattern) {
            i -= Long.BYTES;
        }
        return i;
    }
}
