package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Tuning aid, never run by the build
 * ({@code ConditionTuning first last pen|any paper|any desk|nodesk|near|edge|any [dir]}): reads the photos of tuning sets
 * {@code first..last} ({@link PhotoTuning#config}, sets 4 and up beyond {@code PhotoTuning}'s four) whose conditions
 * match a pen, a paper and whether the desk shows ({@code near}: the digit within 15% of the free space from the
 * desk's side; {@code edge}: within 5% of it from any side of the frame), and prints every miss; with {@code dir}, writes each miss's JPEG and the 28x28 input the engine made
 * of it there. The conditions are drawn first, so only matching photos are rendered. MNIST digits are subset digits
 * {@code 13 i + r}, r = 1..12 by set (never 0, the test's), hands {@link PhotoTuning#hand}: never the test's photos.
 */
final class ConditionTuning {

    private ConditionTuning() {
    }

    public static void main(String[] args) throws Exception {
        int first = Integer.parseInt(args[0]), last = Integer.parseInt(args[1]);
        Predicate<PhotoConditions> match = matcher(args[2], args[3], args[4]);
        Path dir = args.length > 5 ? Path.of(args[5]) : null;
        if (dir != null) {
            Files.createDirectories(dir);
        }
        MnistSubset subset = MnistSubset.load();
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        int read = 0, right = 0, blank = 0;
        List<String> misses = new ArrayList<>();
        try (CommittedModel model = new CommittedModel()) {
            for (int s = first; s <= last; s++) {
                PhotoConfig config = PhotoTuning.config(s);
                PhotoSet set = new PhotoSet(config, subset.images(), subset.labels(), PhotoTuning.hand(s));
                int residue = 1 + Math.floorMod(s, 12);
                for (int i = 0; i < PhotoQualityTest.PER_SOURCE; i++) {
                    for (int source = 1; source <= 2; source++) {
                        int index = source == 1 ? 13 * i + residue : i;
                        PhotoConditions drawn = conditions(config, source, index);
                        if (!match.test(drawn)) {
                            continue;
                        }
                        Photo photo = source == 1 ? set.mnist(index) : set.hand(index);
                        if (!photo.conditions().equals(drawn)) {
                            throw new IllegalStateException("conditions drawn apart differ: " + photo);
                        }
                        byte[] jpeg = photo.jpeg();
                        String answer = model.read(jpeg);
                        read++;
                        if (answer.equals(Integer.toString(photo.label()))) {
                            right++;
                            continue;
                        }
                        blank += answer.equals("BlankImage") ? 1 : 0;
                        String name = "s" + s + (source == 1 ? "-mnist" : "-hand") + index;
                        misses.add(name + " read " + answer + ": " + photo);
                        if (dir != null) {
                            saveMiss(dir, name, jpeg, preprocessor);
                        }
                    }
                }
            }
        }
        System.out.printf("sets %d-%d, %s %s %s: %d/%d read right (%.2f%%), %d blank%n  %s%n", first, last, args[2],
                args[3], args[4], right, read, 100.0 * right / Math.max(1, read), blank, String.join("\n  ", misses));
    }

    /** The conditions {@link PhotoSet} draws for photo {@code index} of a source (1 MNIST, 2 hand), without it. */
    static PhotoConditions conditions(PhotoConfig config, int source, long index) {
        return PhotoConditions.draw(config, new SplittableRandom(
                config.seed() * 0x9E3779B97F4A7C15L + source * 0xBF58476D1CE4E5B9L + index));
    }

    private static Predicate<PhotoConditions> matcher(String pen, String paper, String desk) {
        return c -> (pen.equals("any") || c.pen().name().equals(pen))
                && (paper.equals("any") || c.paper().name().equals(paper))
                && (desk.equals("any") || (desk.equals("near") ? near(c) : desk.equals("edge") ? atEdge(c)
                        : (c.edgeSide() != 0) == desk.equals("desk")));
    }

    /** Whether the digit was placed within 15% of the free space from the side the desk shows on. */
    static boolean near(PhotoConditions c) {
        return switch (c.edgeSide()) {
            case 1 -> c.digitY() < 0.15;
            case 2 -> c.digitX() > 0.85;
            case 3 -> c.digitY() > 0.85;
            case 4 -> c.digitX() < 0.15;
            default -> false;
        };
    }

    /**
     * Whether the digit was placed within 5% of the free space from any side of the frame (at the photo's margin,
     * where a shadow's tip, the vignette or the desk meet it).
     */
    static boolean atEdge(PhotoConditions c) {
        return Math.min(c.digitX(), 1 - c.digitX()) < 0.05 || Math.min(c.digitY(), 1 - c.digitY()) < 0.05;
    }

    /** Writes a missed photo and the 28x28 input it was read from (none when it was blank) for a look. */
    static void saveMiss(Path dir, String name, byte[] jpeg, ImagePreprocessor preprocessor) throws IOException {
        Files.write(dir.resolve(name + ".jpg"), jpeg);
        try {
            ImageIO.write(picture(preprocessor.digit(jpeg)), "png", dir.resolve(name + "-input.png").toFile());
        } catch (Exception e) {
            // blank: no input to show
        }
    }

    static BufferedImage picture(DigitImage digit) {
        int scale = 8;
        BufferedImage image = new BufferedImage(28 * scale, 28 * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28 * scale; y++) {
            for (int x = 0; x < 28 * scale; x++) {
                int v = 255 - Math.round(255 * digit.pixels()[(y / scale) * 28 + x / scale]);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        return image;
    }
}
