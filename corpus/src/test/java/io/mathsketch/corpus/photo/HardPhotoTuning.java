package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Tuning aid, never run by the build ({@code HardPhotoTuning [sets] [dir]}): reads the first {@code sets} (1-4,
 * default 4) sets of {@link PhotoConfig#HARD_TUNING}, 150 photos per source each, and prints the score of all, per
 * condition (pen, paper, frame, desk, pressure, blur, grain) and every miss; with {@code dir}, writes each miss's JPEG
 * and the 28x28 input the engine made of it there. Set {@code s} takes the conditions with seed
 * {@code 0x94071101 + 0x10 s} and the held-out hands re-seeded {@code 0x94071201 + 0x10 s}; its MNIST digits are
 * subset digits {@code 150 s .. 150 s + 149} of those {@link PhotoQualityTest} never reads (not multiples of 13).
 */
final class HardPhotoTuning {

    static final long HAND_SEED = 0x9407_1201L;
    static final int SETS = 4;

    private HardPhotoTuning() {
    }

    public static void main(String[] args) throws Exception {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : SETS;
        Path dir = args.length > 1 ? Path.of(args[1]) : null;
        if (dir != null) {
            Files.createDirectories(dir);
        }
        MnistSubset subset = MnistSubset.load();
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        List<Function<PhotoConditions, String>> aspects = List.of(
                c -> "pen " + c.pen(),
                c -> "paper " + c.paper(),
                c -> "frame " + c.width() + "x" + c.height(),
                c -> "desk " + (c.edgeSide() == 0 ? "none" : ConditionTuning.near(c) ? "near" : "far"),
                c -> String.format("pressure %.1f", Math.floor(c.pressure() * 10) / 10),
                c -> "blur " + (c.blur() <= 0.3 ? "none" : c.blur() < 1 ? "< 1 px" : ">= 1 px"),
                c -> "grain " + (c.grain() < 6 ? "< 6" : ">= 6"));
        Map<String, int[]> byCondition = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int right = 0, read = 0, blank = 0;
        try (CommittedModel model = new CommittedModel()) {
            for (int s = 0; s < sets; s++) {
                PhotoSet set = new PhotoSet(config(s), subset.images(), subset.labels(), hand(s));
                for (int i = 0; i < PhotoQualityTest.PER_SOURCE; i++) {
                    for (int source = 1; source <= 2; source++) {
                        int index = source == 1 ? mnistIndex(s, i) : i;
                        Photo photo = source == 1 ? set.mnist(index) : set.hand(index);
                        byte[] jpeg = photo.jpeg();
                        String answer = model.read(jpeg);
                        boolean ok = answer.equals(Integer.toString(photo.label()));
                        read++;
                        right += ok ? 1 : 0;
                        for (Function<PhotoConditions, String> aspect : aspects) {
                            int[] counts = byCondition.computeIfAbsent(aspect.apply(photo.conditions()),
                                    k -> new int[2]);
                            counts[0] += ok ? 1 : 0;
                            counts[1]++;
                        }
                        if (ok) {
                            continue;
                        }
                        blank += answer.equals("BlankImage") ? 1 : 0;
                        String name = "h" + s + (source == 1 ? "-mnist" : "-hand") + index;
                        misses.add(name + " read " + answer + ": " + photo);
                        if (dir != null) {
                            ConditionTuning.saveMiss(dir, name, jpeg, preprocessor);
                        }
                    }
                }
            }
        }
        System.out.printf("hard photo tuning, %d sets: %d/%d read right (%.2f%%), %d blank%n", sets, right, read,
                100.0 * right / read, blank);
        byCondition.forEach((k, v) -> System.out.printf("  %-22s %4d/%-4d %6.2f%%%n", k, v[0], v[1],
                100.0 * v[0] / v[1]));
        System.out.printf("  %s%n", String.join("\n  ", misses));
    }

    /** The photo conditions of hard tuning set {@code s}. */
    static PhotoConfig config(int s) {
        return PhotoConfig.HARD_TUNING.withSeed(PhotoConfig.HARD_TUNING.seed() + 0x10L * s);
    }

    /** The hands of hard tuning set {@code s}: the test's styles, another seed. */
    static HandConfig hand(int s) {
        return PhotoQualityTest.HAND.withSeed(HAND_SEED + 0x10L * s);
    }

    /** The MNIST subset digit of photo {@code i} of set {@code s}: the (150 s + i)-th digit not a multiple of 13. */
    static int mnistIndex(int s, int i) {
        int j = PhotoQualityTest.PER_SOURCE * s + i;
        return 13 * (j / 12) + 1 + j % 12;
    }
}
