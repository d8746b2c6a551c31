package io.mathsketch.corpus.attack;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The attack corpus's pictures: huge in pixels, small on the wire. PNGs are written row by row straight from a rule
 * (never a full raster), so a 4096x4096 image costs its compressed size to make.
 */
final class AttackImages {

    private static final int GREY = 0;

    private AttackImages() {
    }

    /** Pixel rule: whether (x, y) is ink (black on white). */
    interface Ink {
        boolean at(int x, int y);
    }

    /** A black square speck of {@code size} pixels every {@code spacing} pixels: a million specks at 4096/4/1. */
    static byte[] specks(int side, int spacing, int size) {
        return bilevel(side, side, (x, y) -> x % spacing < size && y % spacing < size);
    }

    /** Upright bars {@code width} pixels wide every {@code spacing}, as tall as the picture. */
    static byte[] bars(int side, int spacing, int width) {
        return bilevel(side, side, (x, y) -> x % spacing < width);
    }

    /** A checkerboard of {@code cell}-pixel squares. */
    static byte[] checker(int side, int cell) {
        return bilevel(side, side, (x, y) -> (x / cell + y / cell) % 2 != 0);
    }

    /** A filled disc over most of the picture: ink everywhere, one component of millions of pixels. */
    static byte[] blob(int side) {
        long r = side * 7L / 16, c = side / 2;
        return bilevel(side, side, (x, y) -> (x - c) * (x - c) + (y - c) * (y - c) <= r * r);
    }

    /** A ring like a drawn 0 at the scale of the picture: a well-formed drawing, only very large. */
    static byte[] ring(int width, int height) {
        long cx = width / 2, cy = height / 2, rx = width * 3L / 10, ry = height * 4L / 10;
        double pen = Math.max(2, Math.min(width, height) / 24.0);
        return bilevel(width, height, (x, y) -> {
            double dx = (x - cx) / (double) rx, dy = (y - cy) / (double) ry;
            double d = Math.sqrt(dx * dx + dy * dy);
            return Math.abs(d - 1) * Math.min(rx, ry) < pen / 2;
        });
    }

    /** A PNG whose header declares {@code width x height} but whose data is a single empty row: a decompression bomb's claim. */
    static byte[] declaredOnly(int width, int height) {
        return png(width, height, 1, deflate(new byte[1 + (width + 7) / 8]));
    }

    /**
     * A BMP (40-byte info header, {@code width x height}) whose pixels are {@code inner}, a PNG (compression 5), with
     * the image size its header claims: the JDK's reader allocates that many bytes before reading them.
     */
    static byte[] bmpWrappingPng(int width, int height, byte[] inner, int claimedSize) {
        int offset = 14 + 40;
        ByteBuffer bmp = ByteBuffer.allocate(offset + inner.length).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(offset + inner.length).putInt(0).putInt(offset);
        bmp.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 0).putInt(5)
                .putInt(claimedSize).putInt(0).putInt(0).putInt(0).putInt(0);
        return bmp.put(inner).array();
    }

    /**
     * A progressive JPEG of {@code side x side} pixels (a multiple of 8) and {@code components} full-size components
     * (1 grey, 3 colour) holding {@code scans} AC scans after its DC scan, each of one component in turn: each a few
     * bytes (one end-of-band run over all blocks) that make a decoder walk every block again, and the JDK's reader
     * make an output pass over every pixel, so that the file costs CPU by its scan count, not its size.
     */
    static byte[] jpegScanBomb(int side, int scans, int components) {
        int blocks = (side / 8) * (side / 8);
        int eobBits = Math.min(14, 31 - Integer.numberOfLeadingZeros(blocks));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] ones = new byte[65];
        Arrays.fill(ones, 1, 65, (byte) 1);
        segment(out, 0xDB, ones); // quantisation table 0
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(new byte[] {8, (byte) (side >> 8), (byte) side, (byte) (side >> 8), (byte) side,
                (byte) components});
        ByteArrayOutputStream dcScan = new ByteArrayOutputStream();
        dcScan.write(components);
        for (int c = 1; c <= components; c++) {
            frame.writeBytes(new byte[] {(byte) c, 0x11, 0}); // full size, quantisation table 0
            dcScan.writeBytes(new byte[] {(byte) c, 0}); // Huffman tables 0
        }
        dcScan.writeBytes(new byte[] {0, 0, 0});
        segment(out, 0xC2, frame.toByteArray()); // progressive frame
        segment(out, 0xC4, huffmanTable(0x00, 0)); // DC: the one code '0' means difference category 0
        segment(out, 0xC4, huffmanTable(0x10, eobBits << 4)); // AC: '0' means a run of 2^eobBits empty bands
        segment(out, 0xDA, dcScan.toByteArray()); // DC first scan, every component
        out.writeBytes(new byte[blocks * components / 8]); // one '0' bit per block
        StringBuilder bits = new StringBuilder();
        for (int left = blocks; left > 0; left -= 1 << eobBits) {
            bits.append("0").append("0".repeat(eobBits));
        }
        while (bits.length() % 8 != 0) {
            bits.append('1');
        }
        byte[] run = new byte[bits.length() / 8];
        for (int i = 0; i < run.length; i++) {
            run[i] = (byte) Integer.parseInt(bits.substring(8 * i, 8 * i + 8), 2);
        }
        for (int i = 0; i < scans; i++) {
            segment(out, 0xDA, new byte[] {1, (byte) (1 + i % components), 0, 1, 63, 0}); // AC first scan, bands 1-63
            out.writeBytes(run);
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /**
     * {@code jpeg} with {@code count} empty APP1 segments after its SOI: the JDK's reader keeps each in a list it
     * walks to the end first, so 30,000 (120 KB) cost 4.6 CPU-seconds of header reading, in native code.
     */
    static byte[] jpegWithEmptySegments(byte[] jpeg, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 4 * count);
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 2});
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A GIF of a 28x28 frame whose LZW data, {@code bytes} long, makes the table's entries one pixel longer each, then
     * names the longest (3,839 pixels) again and again: the JDK's reader writes every string out whether or not the
     * frame has room, so a megabyte cost it 10 CPU-seconds.
     */
    static byte[] gifLongestStrings(int bytes) {
        GifCodes codes = new GifCodes(8);
        codes.add(256, 9); // clear
        codes.add(0, 9);
        int size = 9;
        for (int entry = 258; entry < 4096; entry++) {
            codes.add(entry, size);
            if (entry + 1 == 1 << size && size < 12) {
                size++;
            }
        }
        while (codes.length() < bytes) {
            codes.add(4095, 12);
        }
        return codes.gif(28, 28);
    }

    /**
     * A GIF of a 28x28 frame whose LZW data is {@code bytes} of clear codes at the smallest code size: the JDK's
     * reader resets its 4,096-entry table at each, 2.8 CPU-seconds for 8 MB.
     */
    static byte[] gifClearCodes(int bytes) {
        GifCodes codes = new GifCodes(2);
        while (codes.length() < bytes) {
            codes.add(4, 3);
        }
        return codes.gif(28, 28);
    }

    /**
     * A GIF of a 28x28 frame after as many 5-byte comment extensions as fill {@code bytes}: the JDK's reader walks
     * each block before the frame at a cost of its own, 0.4 CPU-seconds for 7 MB, one token.
     */
    static byte[] gifCommentFlood(int bytes) {
        GifCodes codes = new GifCodes(8);
        codes.add(256, 9); // clear
        codes.add(0, 9);
        codes.add(257, 9); // end
        return codes.gif(28, 28, bytes / 5, 255);
    }

    /**
     * A GIF of a frame of pixels 0, each its own 12-bit code once the table is full, in sub-blocks of one byte
     * (encoders write 255) filling about {@code bytes}: the JDK's reader reads each sub-block at a cost of its own,
     * 0.5 CPU-seconds for 7 MB of a 1024x1024 frame, one token.
     */
    static byte[] gifOneByteSubBlocks(int bytes) {
        // A pixel is 1.5 bytes of codes, each byte a 2-byte sub-block.
        int side = (int) Math.sqrt(bytes / 3.0);
        GifCodes codes = new GifCodes(8);
        codes.add(256, 9); // clear
        int size = 9;
        for (int pixel = 0, entry = 258; pixel < side * side; pixel++, entry++) {
            codes.add(0, size);
            if (entry + 1 == 1 << size && size < 12) {
                size++;
            }
        }
        return codes.gif(side, side, 0, 1);
    }

    /** LZW codes packed least significant bit first, as a GIF frame's data. */
    private static final class GifCodes {
        private final int minimum;
        private final ByteArrayOutputStream packed = new ByteArrayOutputStream();
        private long buffer;
        private int bits;

        GifCodes(int minimum) {
            this.minimum = minimum;
        }

        void add(int code, int size) {
            buffer |= (long) code << bits;
            bits += size;
            while (bits >= 8) {
                packed.write((int) buffer & 0xFF);
                buffer >>>= 8;
                bits -= 8;
            }
        }

        int length() {
            return packed.size();
        }

        /** A GIF of one {@code width x height} frame over a global table of 256 greys, holding these codes. */
        byte[] gif(int width, int height) {
            return gif(width, height, 0, 255);
        }

        /** The same after {@code comments} one-byte comments, with the codes in sub-blocks of {@code subBlock}. */
        byte[] gif(int width, int height, int comments, int subBlock) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8),
                (byte) 0xF7, 0, 0});
            for (int i = 0; i < 256; i++) {
                out.writeBytes(new byte[] {(byte) i, (byte) i, (byte) i});
            }
            for (int i = 0; i < comments; i++) {
                out.writeBytes(new byte[] {0x21, (byte) 0xFE, 1, 'x', 0});
            }
            out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) width, (byte) (width >> 8), (byte) height,
                (byte) (height >> 8), 0, (byte) minimum});
            byte[] data = packed.toByteArray();
            for (int at = 0; at < data.length; at += subBlock) {
                int n = Math.min(subBlock, data.length - at);
                out.write(n);
                out.write(data, at, n);
            }
            out.write(0);
            out.write(0x3B);
            return out.toByteArray();
        }
    }

    /** A Huffman table of one 1-bit code, {@code '0'}, for {@code symbol}. */
    private static byte[] huffmanTable(int classAndId, int symbol) {
        byte[] table = new byte[18];
        table[0] = (byte) classAndId;
        table[1] = 1;
        table[17] = (byte) symbol;
        return table;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
    }

    /** A JPEG of the ring: ImageIO's decoder path, written at ImageIO's default quality (0.75). */
    static byte[] jpegRing(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            g.setStroke(new java.awt.BasicStroke(side / 24f));
            g.drawOval(side / 5, side / 10, side * 3 / 5, side * 4 / 5);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@code side x side} 16-bit RGBA PNG (white, a black block in the middle) whose EXIF ({@code eXIf}) says it is
     * stored turned: a few hundred KB that a server keeping originals decodes whole and encodes again upright.
     */
    static byte[] turnedDeepColour(int side) {
        int rowBytes = side * 8;
        byte[] white = new byte[rowBytes + 1];
        Arrays.fill(white, 1, white.length, (byte) 0xFF);
        // Every later row is filtered "Up" (type 2): the difference to the row above, zero but where the block
        // starts and ends, so that thousands of rows of 32 KB cost next to nothing to compress.
        byte[] same = new byte[rowBytes + 1];
        same[0] = 2;
        byte[] blockStarts = same.clone();
        byte[] blockEnds = same.clone();
        for (int x = side / 3; x < 2 * side / 3; x++) {
            Arrays.fill(blockStarts, 1 + x * 8, 1 + x * 8 + 6, (byte) 0x01); // 0xFF + 0x01: black, opaque
            Arrays.fill(blockEnds, 1 + x * 8, 1 + x * 8 + 6, (byte) 0xFF); // 0x00 + 0xFF: white again
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (ByteArrayOutputStream compressed = new ByteArrayOutputStream();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int y = 0; y < side; y++) {
                deflater.setInput(y == 0 ? white : y == side / 4 ? blockStarts : y == 3 * side / 4 ? blockEnds : same);
                while (!deflater.needsInput()) {
                    compressed.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            byte[] header = new byte[13];
            putInt(header, 0, side);
            putInt(header, 4, side);
            header[8] = 16;
            header[9] = 6; // RGBA
            chunk(out, "IHDR", header);
            // Big-endian TIFF, one IFD entry: Orientation (0x0112), SHORT, 1 value, 6 (turned a quarter).
            chunk(out, "eXIf", new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 1, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
                    0, 0, 0, 0});
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }

    /** A 1-bit greyscale PNG: ink (0) where the rule says, white (1) elsewhere. */
    static byte[] bilevel(int width, int height, Ink ink) {
        int rowBytes = (width + 7) / 8;
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (ByteArrayOutputStream compressed = new ByteArrayOutputStream()) {
            byte[] row = new byte[rowBytes + 1];
            byte[] buffer = new byte[64 * 1024];
            for (int y = 0; y < height; y++) {
                java.util.Arrays.fill(row, (byte) 0); // filter byte 0 (None), then all ink
                for (int x = 0; x < width; x++) {
                    if (!ink.at(x, y)) {
                        row[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                    }
                }
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    compressed.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            return png(width, height, 1, compressed.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }

    private static byte[] png(int width, int height, int depth, byte[] idat) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            byte[] header = new byte[13];
            putInt(header, 0, width);
            putInt(header, 4, height);
            header[8] = (byte) depth;
            header[9] = GREY;
            chunk(out, "IHDR", header);
            chunk(out, "IDAT", idat);
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.write(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.write(sum);
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
