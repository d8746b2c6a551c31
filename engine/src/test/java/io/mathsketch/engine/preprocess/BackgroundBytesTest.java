package io.mathsketch.engine.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word-at-a-time background tests against the byte-by-byte rule, for every stretch length up to five words, every
 * start offset within a word and a differing byte at every position (or none), with background bytes of both signs.
 */
class BackgroundBytesTest {

    @Test
    void allAgreesWithLookingAtEveryByte() {
        for (int background : new int[] {0, 0x7F, 0x80, 0xFF}) {
            long pattern = BackgroundBytes.pattern(background);
            for (int length = 0; length <= 40; length++) {
                for (int from = 0; from < 9; from++) {
                    for (int odd = -1; odd < from + length + 8; odd++) {
                        byte[] bytes = plane(background, from + length + 8, odd);
                        boolean expected = odd < from || odd >= from + length;
                        assertEquals(expected, BackgroundBytes.all(bytes, from, length, pattern),
                                "background " + background + ", [" + from + ", " + (from + length) + "), odd " + odd);
                    }
                }
            }
        }
    }

    @Test
    void skipsStopWithinAWordOfTheFirstOtherByteAndNeverPassIt() {
        for (int background : new int[] {0, 0xFF, 0xA5}) {
            long pattern = BackgroundBytes.pattern(background);
            for (int length = 0; length <= 40; length++) {
                for (int from = 0; from < 9; from++) {
                    int to = from + length;
                    for (int odd = -1; odd < to + 8; odd++) {
                        byte[] bytes = plane(background, to + 8, odd);
                        boolean inside = odd >= from && odd < to;
                        String at = "[" + from + ", " + to + "), odd " + odd;

                        int forward = BackgroundBytes.skipForward(bytes, from, to, pattern);
                        assertTrue(forward >= from && forward <= to, at);
                        assertTrue(!inside || forward <= odd, "skipped past the other byte: " + at);
                        // Stops only at a word holding the other byte, or with less than a word left.
                        assertTrue(inside ? odd - forward < Long.BYTES : to - forward < Long.BYTES, at);

                        int backward = BackgroundBytes.skipBackward(bytes, from, to, pattern);
                        assertTrue(backward >= from && backward <= to, at);
                        assertTrue(!inside || backward > odd, "skipped back past the other byte: " + at);
                        assertTrue(inside ? backward - odd <= Long.BYTES : backward - from < Long.BYTES, at);
                    }
                }
            }
        }
    }

    /** {@code n} background bytes, the one at {@code odd} (if in range) differing from it by one. */
    private static byte[] plane(int background, int n, int odd) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) background);
        if (odd >= 0 && odd < n) {
            bytes[odd] = (byte) (background ^ 1);
        }
        return bytes;
    }
}
