package io.mathsketch.corpus.chalk;

import io.mathsketch.corpus.HeldOutDigits;
import io.mathsketch.corpus.photo.Encoding;
import io.mathsketch.engine.mnist.MnistSubset;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes the tuning twin's first photos as JPEG files to look at, and a contact sheet of them
 * ({@code contact.png}, 4 across): {@code ChalkboardSamples <dir> [count]}.
 */
final class ChalkboardSamples {

    private ChalkboardSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Chalkboards set = new Chalkboards(Chalkboards.TUNING_SEED, HeldOutDigits.sources(MnistSubset.load(),
                ChalkboardQualityTest.TUNING_FIRST, ChalkboardQualityTest.TUNING_HAND_SEED, count));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int cell = 400, across = 4;
        BufferedImage sheet = new BufferedImage(across * cell, (count + across - 1) / across * cell,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int i = 0; i < count; i++) {
                // Alternate MNIST digits and drawings.
                long start = cpu.getCurrentThreadCpuTime();
                Chalkboards.Photo p = set.photo(i % 2 == 0 ? i / 2 : count + i / 2);
                long took = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;
                Files.write(dir.resolve(String.format("%03d-%d.jpg", i, p.label())), p.bytes());
                System.out.println(i + ": " + p + " (" + took + " ms of CPU to make)");
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(p.bytes()));
                double s = Math.min((double) cell / image.getWidth(), (double) cell / image.getHeight());
                g.drawImage(image, i % across * cell, i / across * cell, (int) (image.getWidth() * s),
                        (int) (image.getHeight() * s), null);
            }
        } finally {
            g.dispose();
        }
        Files.write(dir.resolve("contact.png"), Encoding.png(sheet));
    }
}
