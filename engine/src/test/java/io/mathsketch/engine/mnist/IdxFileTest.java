package io.mathsketch.engine.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxFileTest {

    @TempDir
    Path dir;

    private static MnistImages randomImages(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        new Random(7).nextBytes(pixels);
        return new MnistImages(count, rows, cols, pixels);
    }

    private static byte[] bytes(MnistImages images, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdxFile.write(images, out, gzip);
        return out.toByteArray();
    }

    private static byte[] bytes(MnistLabels labels, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdxFile.write(labels, out, gzip);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void imagesRoundTripPlainAndGzip(boolean gzip) throws IOException {
        MnistImages images = randomImages(5, 28, 28);
        Path file = dir.resolve("images.idx");
        Files.write(file, bytes(images, gzip));

        MnistImages read = IdxFile.readImages(file);

        assertEquals(5, read.count());
        assertEquals(28, read.rows());
        assertEquals(28, read.cols());
        assertArrayEquals(images.pixels(), read.pixels());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void labelsRoundTripPlainAndGzip(boolean gzip) throws IOException {
        MnistLabels labels = new MnistLabels(new byte[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9});
        MnistLabels read = IdxFile.readLabels(new ByteArrayInputStream(bytes(labels, gzip)), "labels");
        assertArrayEquals(labels.labels(), read.labels());
        assertEquals(9, read.label(7));
    }

    @Test
    void plainHeaderIsTheDocumentedBigEndianLayout() throws IOException {
        byte[] file = bytes(randomImages(3, 4, 5), false);
        ByteBuffer header = ByteBuffer.wrap(file);
        assertEquals(0x00000803, header.getInt());
        assertEquals(3, header.getInt());
        assertEquals(4, header.getInt());
        assertEquals(5, header.getInt());
        assertEquals(16 + 3 * 4 * 5, file.length);
    }

    @Test
    void digitScalesBytesToInkAndKeepsPixelOrder() {
        byte[] pixels = new byte[2 * 784];
        pixels[784] = (byte) 255;
        pixels[784 + 29] = (byte) 51;
        MnistImages images = new MnistImages(2, 28, 28, pixels);

        DigitImage digit = images.digit(1);
        InkImage ink = images.ink(1);

        assertEquals(1f, digit.pixels()[0]);
        assertEquals(0.2f, digit.pixels()[29], 1e-6);
        assertEquals(0.2f, ink.at(1, 1), 1e-6);
        assertEquals(0f, images.digit(0).pixels()[0]);
    }

    @Test
    void digitRefusesImagesThatAreNot28x28() {
        MnistImages images = randomImages(1, 20, 28);
        assertThrows(IllegalStateException.class, () -> images.digit(0));
        assertEquals(20, images.ink(0).height());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedPixelsNameTheFileAndTheShortfall(boolean gzip) throws IOException {
        byte[] full = bytes(randomImages(4, 28, 28), false);
        byte[] cut = Arrays.copyOf(full, full.length - 100);
        Path file = dir.resolve("cut-images.idx" + (gzip ? ".gz" : ""));
        Files.write(file, gzip ? gzip(cut) : cut);

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFile.readImages(file));

        assertTrue(e.getMessage().contains("cut-images.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("4 images of 28x28"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsAFormatError() throws IOException {
        byte[] gz = bytes(randomImages(50, 28, 28), true);
        Path file = dir.resolve("broken.gz");
        Files.write(file, Arrays.copyOf(gz, gz.length / 2));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void corruptGzipIsAFormatError() throws IOException {
        byte[] gz = bytes(randomImages(50, 28, 28), true);
        for (int i = 20; i < 60; i++) {
            gz[i] ^= (byte) 0x5a;
        }
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readImages(new ByteArrayInputStream(gz), "corrupt.gz"));
        assertTrue(e.getMessage().startsWith("corrupt.gz"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() {
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 1, 0, 0};
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readImages(new ByteArrayInputStream(header), "short"));
        assertTrue(e.getMessage().contains("truncated header"), e.getMessage());
    }

    @Test
    void emptyFileIsReported() {
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readLabels(new ByteArrayInputStream(new byte[0]), "empty"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void labelFileReadAsImagesIsAWrongMagicError() throws IOException {
        byte[] labels = bytes(new MnistLabels(new byte[] {1, 2, 3}), true);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readImages(new ByteArrayInputStream(labels), "t10k-labels"));
        assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
        assertTrue(e.getMessage().contains("1 dimension"), e.getMessage());
    }

    @Test
    void imagesFileReadAsLabelsIsAWrongMagicError() throws IOException {
        byte[] images = bytes(randomImages(1, 28, 28), false);
        assertThrows(IdxFormatException.class,
                () -> IdxFile.readLabels(new ByteArrayInputStream(images), "t10k-images"));
    }

    @Test
    void nonIdxDataIsRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0, 0, 0, 0, 0};
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readImages(new ByteArrayInputStream(png), "picture.png"));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void trailingDataBeyondTheDeclaredCountIsRejected() throws IOException {
        byte[] file = bytes(new MnistLabels(new byte[] {1, 2, 3}), false);
        byte[] longer = Arrays.copyOf(file, file.length + 1);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readLabels(new ByteArrayInputStream(longer), "labels"));
        assertTrue(e.getMessage().contains("after the declared content"), e.getMessage());
    }

    @Test
    void hugeDeclaredCountFailsAsTruncationWithoutAllocatingIt() {
        ByteBuffer header = ByteBuffer.allocate(16).putInt(0x803).putInt(2_000_000).putInt(28).putInt(28);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readImages(new ByteArrayInputStream(header.array()), "liar"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        ByteBuffer absurd = ByteBuffer.allocate(16).putInt(0x803).putInt(Integer.MAX_VALUE).putInt(4096).putInt(4096);
        assertThrows(IdxFormatException.class,
                () -> IdxFile.readImages(new ByteArrayInputStream(absurd.array()), "absurd"));
    }

    @Test
    void labelOutsideZeroToNineIsRejected() throws IOException {
        ByteBuffer file = ByteBuffer.allocate(10).putInt(0x801).putInt(2).put((byte) 3).put((byte) 10);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxFile.readLabels(new ByteArrayInputStream(file.array()), "labels"));
        assertTrue(e.getMessage().contains("label 1 is 10"), e.getMessage());
    }

    @Test
    void firstKeepsALeadingSubset() {
        MnistImages images = randomImages(10, 28, 28);
        MnistImages head = images.first(3);
        assertEquals(3, head.count());
        assertArrayEquals(Arrays.copyOf(images.pixels(), 3 * 784), head.pixels());
        assertEquals(2, new MnistLabels(new byte[] {1, 2, 3}).first(2).count());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
