package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The pure-Java inflater against java.util.zip on every kind of stream, and on every kind of broken one. */
class InflateTest {

    private static final int[] LEVELS = {0, 1, 6, 9};
    private static final int[] STRATEGIES = {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY};

    /** One instance for every stream of a test, as a pooled PNG decoder reuses it. */
    private final Inflate inflate = new Inflate();

    static Stream<Arguments> samples() {
        Random random = new Random(42);
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("one byte", new byte[] {7}),
                Arguments.of("short text", "hello, hello, hello world".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("random 1000", randomBytes(random, 1000)),
                Arguments.of("random 70000", randomBytes(random, 70_000)),
                Arguments.of("one byte repeated 300000", filled(300_000, (byte) 'a')),
                Arguments.of("runs with short periods", periodic(random, 200_000)),
                Arguments.of("text-like", textLike(random, 250_000)),
                Arguments.of("repeat from 32500 bytes back", farRepeats(random)),
                Arguments.of("canvas scanlines", canvasScanlines()),
                Arguments.of("few symbols, skewed", skewed(random, 100_000)));
    }

    static Stream<Arguments> samplesLevelsStrategies() {
        return samples().flatMap(sample -> Arrays.stream(LEVELS).boxed().flatMap(level -> Arrays.stream(STRATEGIES)
                .mapToObj(strategy -> Arguments.of(sample.get()[0], sample.get()[1], level, strategy))));
    }

    @ParameterizedTest(name = "{0}, level {2}, strategy {3}")
    @MethodSource("samplesLevelsStrategies")
    void reproducesWhatDeflaterCompressed(String name, byte[] data, int level, int strategy) throws CorruptImage {
        byte[] zlib = deflate(data, level, strategy);

        assertArrayEquals(data, inflate(zlib, data.length, 1121));
        // Taken in different steps, including single bytes and the largest step the window was sized for.
        if (data.length <= 100_000) {
            assertArrayEquals(data, inflate(zlib, data.length, 1));
        }
        assertArrayEquals(data, inflate(zlib, data.length, 40_000));
    }

    @Test
    void streamInTheMiddleOfALargerArrayWithTrailingBytes() throws CorruptImage {
        byte[] data = textLike(new Random(1), 50_000);
        byte[] zlib = deflate(data, 6, Deflater.DEFAULT_STRATEGY);
        byte[] embedded = new byte[zlib.length + 100];
        Arrays.fill(embedded, (byte) 0xA5);
        System.arraycopy(zlib, 0, embedded, 37, zlib.length);

        inflate.start(embedded, 37, zlib.length + 20, data.length, 4096);

        assertArrayEquals(data, drain(data.length, 4096));
        inflate.finish();
    }

    /**
     * Matches exactly 32768 bytes back (zlib's deflater never reaches that far) and overlapping matches at every short
     * distance, repeated over 400 KB so that they also straddle the moments the window slides.
     */
    @Test
    void matchesReachExactly32768BytesBackAndOverlapAtEveryShortDistance() throws Exception {
        Random random = new Random(3);
        DeflateWriter w = new DeflateWriter().zlibHeader();
        byte[] naive = new byte[1_000_000];
        int p = 0;
        for (int round = 0; round < 7; round++) {
            byte[] fresh = randomBytes(random, 32_768 + random.nextInt(3000));
            w.stored(fresh, false);
            System.arraycopy(fresh, 0, naive, p, fresh.length);
            p += fresh.length;
            w.fixedHeader(false);
            List<int[]> matches = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                matches.add(new int[] {3 + random.nextInt(256), 32_768});
            }
            for (int distance = 1; distance <= 40; distance++) {
                for (int length : new int[] {3, 4, 15, 16, 17, 31, 100, 257, 258}) {
                    matches.add(new int[] {length, distance});
                }
            }
            for (int[] m : matches) {
                w.match(m[0], m[1]);
                for (int i = 0; i < m[0]; i++, p++) {
                    naive[p] = naive[p - m[1]]; // RFC 1951: byte by byte, so a short distance repeats
                }
            }
            w.endOfBlock();
        }
        byte[] stream = w.stored(new byte[0], true).toByteArray();
        byte[] expected = Arrays.copyOf(naive, p);
        assertArrayEquals(expected, rawInflate(stream)); // the hand-made stream is valid for zlib too

        assertArrayEquals(expected, inflate(stream, expected.length, 1121));
        assertArrayEquals(expected, inflate(stream, expected.length, 5));
        assertArrayEquals(expected, inflate(stream, expected.length, 40_000));
    }

    /** Nothing but matches from 32768 bytes back for 400 KB: the window must keep every byte of its history. */
    @Test
    void farMatchesOnlyKeepTheWholeHistoryAcrossSlides() throws Exception {
        byte[] head = randomBytes(new Random(8), 32_768);
        DeflateWriter w = new DeflateWriter().zlibHeader().stored(head, false).fixedHeader(true);
        byte[] expected = new byte[head.length + 1600 * 257];
        System.arraycopy(head, 0, expected, 0, head.length);
        for (int p = head.length; p < expected.length; p += 257) {
            w.match(257, 32_768);
            System.arraycopy(expected, p - 32_768, expected, p, 257);
        }
        byte[] stream = w.endOfBlock().toByteArray();
        assertArrayEquals(expected, rawInflate(stream));

        for (int step : new int[] {1, 1000, 1121, 32_769}) {
            assertArrayEquals(expected, inflate(stream, expected.length, step), "step " + step);
        }
    }

    @Test
    void handMadeDynamicBlocks() throws Exception {
        byte[] text = "dynamic tables, literals only".getBytes(StandardCharsets.US_ASCII);
        // A block of literals only needs no distance code at all.
        byte[] literalsOnly = new DeflateWriter().zlibHeader()
                .dynamicHeader(true, completeLiteralLengths(), new int[] {0}, DeflateWriter.plainCodeLengthCode())
                .literals(text).endOfBlock().toByteArray();
        assertArrayEquals(text, rawInflate(literalsOnly));
        assertArrayEquals(text, inflate(literalsOnly, text.length, 64));

        // A single one-bit distance code is the one incomplete code RFC 1951 allows; code 9 means 25..32 back.
        int[] dist = new int[10];
        dist[9] = 1;
        byte[] single = new DeflateWriter().zlibHeader()
                .dynamicHeader(true, completeWithMatches(), dist, DeflateWriter.plainCodeLengthCode())
                .literals(text).match(20, 25).match(258, 30).endOfBlock().toByteArray();
        byte[] expected = rawInflate(single);
        assertEquals(text.length + 278, expected.length);
        assertArrayEquals(expected, inflate(single, expected.length, 64));
    }

    /** 256 literals of 9 bits fill half the code space, end-of-block (1 bit) the other half. */
    private static int[] completeLiteralLengths() {
        int[] lit = new int[257];
        Arrays.fill(lit, 0, 256, 9);
        lit[256] = 1;
        return lit;
    }

    /** Literals 9 bits (1/2), end-of-block 2 bits (1/4), lengths 257..284 (28 codes) and 285: 29 codes in 1/4. */
    private static int[] completeWithMatches() {
        int[] lit = new int[286];
        Arrays.fill(lit, 0, 256, 9);
        lit[256] = 2;
        // 1/4 over 29 length codes: 3 of 6 bits (3/64) and 26 of 7 bits (26/128) = 6/128 + 26/128 = 32/128 = 1/4.
        for (int s = 257; s < 286; s++) {
            lit[s] = s < 260 ? 6 : 7;
        }
        return lit;
    }

    // ---------------------------------------------------------------- malformed streams

    static Stream<Arguments> malformed() {
        byte[] data = "some scanlines".getBytes(StandardCharsets.US_ASCII);
        int[] plain = DeflateWriter.plainCodeLengthCode();
        int[] lit = completeWithMatches();
        int[] dist = new int[30];
        Arrays.fill(dist, 5);
        dist[0] = 0;
        dist[1] = 0;
        dist[2] = 4; // 28 * 2^-5 + 2^-4 = 1: complete
        return Stream.of(
                bad("header check fails", w -> w.bits(0x78, 8).bits(0x9D, 8), "zlib header"),
                bad("method is not deflate", w -> w.bits(0x77, 8).bits(check(0x77, 0), 8), "zlib header"),
                bad("window above 32 KB", w -> w.bits(0x88, 8).bits(check(0x88, 0), 8), "zlib header"),
                bad("preset dictionary", w -> w.bits(0x78, 8).bits(check(0x78, 0x20), 8), "dictionary"),
                bad("block type 3", w -> w.zlibHeader().bits(1, 1).bits(3, 2).bits(0, 32), "block type"),
                bad("stored length and complement disagree", w -> w.zlibHeader().bits(1, 1).bits(0, 2).align()
                        .bits(5, 16).bits(~6, 16).bits(0, 40), "complement"),
                bad("distance before the start", w -> w.zlibHeader().fixedHeader(true).literal('a').match(3, 2)
                        .endOfBlock(), "too far back"),
                bad("fixed literal/length code 286", w -> w.zlibHeader().fixedHeader(true).literal('a')
                        .code(0xC6, 8).bits(0, 32), "invalid literal/length code"),
                bad("fixed distance code 30", w -> w.zlibHeader().fixedHeader(true).literal('a').literal(257)
                        .code(30, 5).bits(0, 32), "invalid distance code"),
                bad("too many literal/length codes", w -> w.zlibHeader().bits(1, 1).bits(2, 2).bits(30, 5)
                        .bits(0, 5).bits(15, 4).bits(0, 64), "too many"),
                bad("too many distance codes", w -> w.zlibHeader().bits(1, 1).bits(2, 2).bits(0, 5)
                        .bits(30, 5).bits(15, 4).bits(0, 64), "too many"),
                bad("over-subscribed code length code", w -> w.zlibHeader().bits(1, 1).bits(2, 2).bits(0, 5)
                        .bits(0, 5).bits(15, 4).bits(0x249249, 24).bits(0x249249, 24).bits(0, 9).bits(0, 64),
                        "over-subscribed code length"),
                bad("incomplete code length code", w -> w.zlibHeader().bits(1, 1).bits(2, 2).bits(0, 5)
                        .bits(0, 5).bits(0, 4).bits(2, 3).bits(0, 9).bits(0, 64), "incomplete code length"),
                bad("repeat of no previous length", w -> w.zlibHeader().bits(1, 1).bits(2, 2).bits(0, 5)
                        .bits(0, 5).bits(0, 4).bits(1, 3).bits(1, 3).bits(0, 6).bits(0, 1).bits(0, 64),
                        "no previous length"),
                bad("repeat beyond the last length", w -> w.zlibHeader().bits(1, 1).bits(2, 2).bits(0, 5)
                        .bits(0, 5).bits(0, 4).bits(0, 3).bits(1, 3).bits(1, 3).bits(0, 3)
                        .bits(1, 1).bits(127, 7).bits(1, 1).bits(127, 7).bits(1, 1).bits(127, 7).bits(0, 64),
                        "beyond the last code"),
                bad("no end-of-block code", w -> {
                    int[] noEnd = lit.clone();
                    noEnd[256] = 0;
                    w.zlibHeader().dynamicHeader(true, noEnd, dist, plain).bits(0, 64);
                }, "end-of-block"),
                bad("over-subscribed literal/length code", w -> {
                    int[] over = lit.clone();
                    over[0] = 8;
                    w.zlibHeader().dynamicHeader(true, over, dist, plain).bits(0, 64);
                }, "over-subscribed literal/length"),
                bad("incomplete literal/length code", w -> {
                    int[] incomplete = lit.clone();
                    incomplete[285] = 0;
                    w.zlibHeader().dynamicHeader(true, incomplete, dist, plain).bits(0, 64);
                }, "incomplete literal/length"),
                bad("incomplete distance code", w -> {
                    int[] incomplete = dist.clone();
                    incomplete[29] = 0;
                    w.zlibHeader().dynamicHeader(true, lit, incomplete, plain).bits(0, 64);
                }, "incomplete distance"),
                bad("distance code in a block without distances", w -> w.zlibHeader()
                        .dynamicHeader(true, lit, new int[] {0}, plain).literal('x').literal(257).bits(0, 64),
                        "invalid distance code"),
                bad("more data than expected", w -> w.zlibHeader().fixedHeader(true).literals(data).literal('!')
                        .endOfBlock(), "more data than"),
                bad("stored block with more data than expected", w -> w.zlibHeader().stored(data, false)
                        .stored(new byte[1], true), "more data than"),
                bad("ends before the expected size", w -> w.zlibHeader().fixedHeader(true)
                        .literals(Arrays.copyOf(data, data.length - 1)).endOfBlock(), "ends before"),
                bad("no data at all", w -> { }, "truncated"),
                bad("only the zlib header", DeflateWriter::zlibHeader, "truncated"),
                // Four 1 bits and the zero padding to a byte: 8 bits of a 9-bit code.
                bad("cut inside a literal", w -> w.zlibHeader().fixedHeader(true)
                        .literals(Arrays.copyOf(data, data.length - 1)).bits(0x0F, 4), "truncated"),
                bad("cut inside a stored block", w -> w.zlibHeader().bits(1, 1).bits(0, 2).align()
                        .bits(data.length, 16).bits(~data.length, 16).bits(data[0], 8), "truncated"),
                bad("cut inside a dynamic header", w -> w.zlibHeader().bits(1, 1).bits(2, 2).bits(0, 5),
                        "truncated"));
    }

    private static Arguments bad(String name, Consumer<DeflateWriter> stream, String message) {
        DeflateWriter w = new DeflateWriter();
        stream.accept(w);
        return Arguments.of(name, w.toByteArray(), message);
    }

    /** The FLG byte that makes CMF/FLG a multiple of 31 with the given flag bits. */
    private static int check(int cmf, int flags) {
        int flg = flags;
        while ((cmf * 256 + flg) % 31 != 0) {
            flg++;
        }
        return flg;
    }

    /** Every malformed stream is a CorruptImage saying what is wrong, whatever step the output is taken in. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedStreamsAreCorrupt(String name, byte[] stream, String message) {
        int expected = 14; // "some scanlines"
        for (int step : new int[] {1, 14}) {
            CorruptImage e = assertThrows(CorruptImage.class, () -> inflate(stream, expected, step));
            assertTrue(e.getMessage().contains(message), () -> name + ": " + e.getMessage());
        }
    }

    /** Guards the cases above against testing a typo: zlib refuses them too, or waits for more input. */
    @Test
    void theMalformedStreamsAreMalformedForZlibToo() {
        malformed().forEach(a -> {
            String name = (String) a.get()[0];
            byte[] stream = (byte[]) a.get()[1];
            String message = (String) a.get()[2];
            if (message.equals("more data than") || message.equals("ends before") || message.equals("dictionary")) {
                return; // only the expected size makes these wrong, or zlib merely asks for a dictionary
            }
            Inflater zlib = new Inflater();
            try {
                zlib.setInput(stream);
                int n = zlib.inflate(new byte[1000]);
                assertTrue(message.equals("truncated") && zlib.needsInput() && n < 14,
                        name + ": zlib inflated " + n + " bytes without complaint");
            } catch (DataFormatException refused) {
                assertTrue(!message.equals("truncated"), name + ": zlib says " + refused.getMessage());
            } finally {
                zlib.end();
            }
        });
    }

    @Test
    void validStreamSplitBetweenSizesIsAcceptedOnlyAtTheExactSize() throws CorruptImage {
        byte[] data = periodic(new Random(5), 10_000);
        byte[] zlib = deflate(data, 6, Deflater.DEFAULT_STRATEGY);

        assertArrayEquals(data, inflate(zlib, data.length, 1000));
        CorruptImage longer = assertThrows(CorruptImage.class, () -> inflate(zlib, data.length - 1, 1000));
        assertTrue(longer.getMessage().contains("more data than"), longer.getMessage());
        CorruptImage shorter = assertThrows(CorruptImage.class, () -> inflate(zlib, data.length + 1, 1000));
        assertTrue(shorter.getMessage().contains("ends before"), shorter.getMessage());
    }

    @Test
    void inputEndingAfterTheLastByteOfOutputIsTolerated() throws CorruptImage {
        // Every output byte present, only the end-of-block code and Adler-32 missing: accepted, as before.
        byte[] data = "all scanlines are here".getBytes(StandardCharsets.US_ASCII);
        byte[] stream = new DeflateWriter().zlibHeader().fixedHeader(true).literals(data).toByteArray();

        assertArrayEquals(data, inflate(stream, data.length, 5));
    }

    @ParameterizedTest(name = "cut to {0} of the stream")
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.99})
    void truncatedStreamsAreCorrupt(double fraction) {
        for (int level : LEVELS) {
            byte[] data = textLike(new Random(level), 80_000);
            byte[] zlib = deflate(data, level, Deflater.DEFAULT_STRATEGY);
            byte[] cut = Arrays.copyOf(zlib, (int) (zlib.length * fraction));
            CorruptImage e = assertThrows(CorruptImage.class, () -> inflate(cut, data.length, 1121));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    /**
     * Random damage to valid streams: the result is either CorruptImage or, when the damage happens to leave a
     * valid stream, exactly what zlib makes of it; never another exception, never a hang.
     */
    @Test
    void fuzzedStreamsFailCleanlyAndQuickly() {
        Random random = new Random(20240601);
        List<byte[]> originals = List.of(textLike(random, 3000), periodic(random, 5000), canvasScanlines(),
                randomBytes(random, 2000), "short".getBytes(StandardCharsets.US_ASCII));
        int[] outcomes = new int[3]; // accepted, refused, accepted and compared with zlib
        // A guard against a decoder that never returns on damaged input, not a speed target: generous, because a
        // loaded 2-core machine took over 60 s for the 4,000 rounds (most of it deflating the originals).
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            for (int round = 0; round < 4000; round++) {
                byte[] data = originals.get(round % originals.size());
                byte[] stream = deflate(data, LEVELS[round / 5 % 4], STRATEGIES[round / 20 % 3]);
                byte[] damaged = damage(random, stream);
                try {
                    byte[] out = inflate(damaged, data.length, 1 + random.nextInt(2000));
                    byte[] zlib = rawInflatePrefix(damaged, data.length);
                    if (zlib != null) {
                        assertArrayEquals(zlib, out, "round " + round);
                        outcomes[2]++;
                    }
                    outcomes[0]++;
                } catch (CorruptImage expected) {
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("round " + round + " threw " + t, t);
                }
            }
        });
        // Without Adler-32 some damage inflates fine (a flipped bit in a stored block); most is caught.
        assertTrue(outcomes[1] > 2000 && outcomes[2] > 1000, Arrays.toString(outcomes));
    }

    /**
     * The same on long streams, whose damage lands mostly where the bulk loop decodes (far from both ends, matches
     * copied a word at a time): canvas scanlines, short periods (overlapping matches at every short distance) and
     * skewed bytes (long codes, subtables), at the levels PNG encoders use. Accepted damage must give exactly what
     * zlib gives.
     */
    @Test
    void fuzzedLongStreamsFailCleanlyInTheBulkLoop() {
        Random random = new Random(20261202);
        List<byte[]> originals = List.of(canvasScanlines(), periodic(random, 150_000), skewed(random, 120_000),
                textLike(random, 100_000));
        List<byte[]> streams = new ArrayList<>();
        List<byte[]> sources = new ArrayList<>();
        for (byte[] data : originals) {
            for (int level : new int[] {1, 6, 9}) {
                streams.add(deflate(data, level, Deflater.DEFAULT_STRATEGY));
                sources.add(data);
            }
        }
        int[] outcomes = new int[2]; // refused, accepted and equal to zlib's
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            for (int round = 0; round < 600; round++) {
                int which = round % streams.size();
                byte[] data = sources.get(which);
                byte[] damaged = damage(random, streams.get(which));
                try {
                    byte[] out = inflate(damaged, data.length, 1 + random.nextInt(40_000));
                    byte[] zlib = rawInflatePrefix(damaged, data.length);
                    if (zlib != null) {
                        assertArrayEquals(zlib, out, "round " + round);
                        outcomes[1]++;
                    }
                } catch (CorruptImage expected) {
                    outcomes[0]++;
                } catch (Throwable t) {
                    fail("round " + round + " threw " + t, t);
                }
            }
        });
        assertTrue(outcomes[0] > 300 && outcomes[1] > 0, Arrays.toString(outcomes));
    }

    private static byte[] damage(Random random, byte[] stream) {
        byte[] damaged = stream.clone();
        switch (random.nextInt(4)) {
            case 0 -> damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
            default -> {
                // Keep the zlib header so the damage reaches the blocks.
                int at = 2 + random.nextInt(Math.max(1, damaged.length - 2));
                for (int i = at; i < Math.min(damaged.length, at + 1 + random.nextInt(16)); i++) {
                    damaged[i] = (byte) random.nextInt(256);
                }
            }
        }
        return damaged;
    }

    // ---------------------------------------------------------------- helpers

    private byte[] inflate(byte[] zlib, int expected, int step) throws CorruptImage {
        inflate.start(zlib, 0, zlib.length, expected, step);
        byte[] out = drain(expected, step);
        inflate.finish();
        return out;
    }

    private byte[] drain(int expected, int step) throws CorruptImage {
        byte[] out = new byte[expected];
        for (int done = 0; done < expected; ) {
            int n = Math.min(step, expected - done);
            int at = inflate.next(n);
            System.arraycopy(inflate.window(), at, out, done, n);
            done += n;
        }
        return out;
    }

    static byte[] deflate(byte[] data, int level, int strategy) {
        Deflater deflater = new Deflater(level);
        deflater.setStrategy(strategy);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** java.util.zip on a zlib stream without looking at its header or trailer: the reference for made streams. */
    private static byte[] rawInflate(byte[] zlib) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zlib, 2, zlib.length - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("incomplete stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /** The first {@code size} bytes zlib inflates from a (possibly damaged) stream, or null if it cannot. */
    private static byte[] rawInflatePrefix(byte[] zlib, int size) {
        if (zlib.length < 2) {
            return null;
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zlib, 2, zlib.length - 2);
            byte[] out = new byte[size];
            int done = 0;
            while (done < size) {
                int n = inflater.inflate(out, done, size - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                done += n;
            }
            return out;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }

    /** Runs of short repeating patterns with a little noise: overlapping matches of many distances. */
    static byte[] periodic(Random random, int n) {
        byte[] b = new byte[n];
        int i = 0;
        while (i < n) {
            int period = 1 + random.nextInt(24);
            int run = Math.min(n - i, 20 + random.nextInt(600));
            byte[] pattern = randomBytes(random, period);
            for (int k = 0; k < run; k++) {
                b[i + k] = pattern[k % period];
            }
            i += run;
            if (i < n && random.nextInt(3) == 0) {
                b[i++] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    static byte[] textLike(Random random, int n) {
        String[] words = {"the", "digit", "canvas", "stroke", "ink", "seven", "zero", "pixel", "row", "filter",
            "inflate", "window", "history", "a", "of", "and", "PNG", "scanline", "\n"};
        StringBuilder s = new StringBuilder(n + 16);
        while (s.length() < n) {
            s.append(words[(int) Math.abs(random.nextGaussian() * 5) % words.length]).append(' ');
        }
        return s.substring(0, n).getBytes(StandardCharsets.US_ASCII);
    }

    /** Random data followed by pieces of it again from 20000 to 32500 bytes back, near zlib's farthest match. */
    private static byte[] farRepeats(Random random) {
        byte[] head = randomBytes(random, 33_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        for (int i = 0; i < 20; i++) {
            int back = 20_000 + random.nextInt(12_500);
            byte[] sofar = out.toByteArray();
            out.write(sofar, sofar.length - back, 100 + random.nextInt(2000));
        }
        return out.toByteArray();
    }

    private static byte[] skewed(Random random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            // Geometric: a few symbols dominate, so some codes get long (up to 15 bits).
            int v = 0;
            while (v < 255 && random.nextInt(3) > 0) {
                v++;
            }
            b[i] = (byte) v;
        }
        return b;
    }

    /** The filtered scanlines of a canvas export, as its IDAT data inflates. */
    static byte[] canvasScanlines() {
        byte[] png = CanvasRenderer.transparent(280, 280, Color.BLACK)
                .png(CanvasRenderer.place(SyntheticDigits.draw("4", 40, 0.12), 30, 20, 5.5));
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        for (int offset = 8; offset < png.length; ) {
            int length = ByteBuffer.wrap(png, offset, 4).getInt();
            if (new String(png, offset + 4, 4, StandardCharsets.US_ASCII).equals("IDAT")) {
                idat.write(png, offset + 8, length);
            }
            offset += 12 + length;
        }
        try {
            byte[] zlib = idat.toByteArray();
            byte[] raw = rawInflate(zlib);
            assertEquals(280 * (1 + 4 * 280), raw.length);
            return raw;
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }
}
