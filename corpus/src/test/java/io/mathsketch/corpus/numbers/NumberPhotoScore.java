package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.CompleteMnistTest;
import io.mathsketch.corpus.numbers.NumberPhotos.NumberPhoto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact-number accuracy of number mode on phone photos of written numbers, overall and per kind, source, paper, pen
 * and frame, with every miss: what {@link NumberPhotoQualityTest} asserts on {@link NumberPhotos#TEST} and
 * {@link NumberPhotoTuning} prints for {@link NumberPhotos#TUNING}.
 */
record NumberPhotoScore(int correct, int total, Map<String, int[]> byCondition, List<String> misses) {

    /** Reads photos {@code 0..count-1} of {@code config}; each miss's JPEG written to {@code missDir} when given. */
    static NumberPhotoScore of(CommittedModel model, NumberPhotos.Config config, int count, Path missDir)
            throws IOException {
        NumberPhotos photos = new NumberPhotos(config, CompleteMnistTest.IMAGES, CompleteMnistTest.LABELS);
        Map<String, int[]> byCondition = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        for (int i = 0; i < count; i++) {
            NumberPhoto photo = photos.photo(i);
            byte[] jpeg = photo.jpeg();
            String read = model.readNumber(jpeg);
            boolean right = read.equals(photo.number().text());
            correct += right ? 1 : 0;
            var c = photo.shot().conditions();
            for (String condition : List.of("kind " + photo.number().kind(), "source " + photo.number().source(),
                    "paper " + c.paper(), "pen " + c.pen(), "frame " + c.width() + "x" + c.height())) {
                int[] tally = byCondition.computeIfAbsent(condition, k -> new int[2]);
                tally[0] += right ? 1 : 0;
                tally[1]++;
            }
            if (!right) {
                misses.add("#" + i + " read " + read + ": " + photo);
                if (missDir != null) {
                    Files.createDirectories(missDir);
                    Files.write(missDir.resolve(String.format(Locale.ROOT, "%04d-%s-read-%s.jpg", i,
                            photo.number().text(), read)), jpeg);
                }
            }
        }
        return new NumberPhotoScore(correct, count, byCondition, misses);
    }

    double accuracy() {
        return (double) correct / total;
    }

    String report(String title) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %.2f%% exact (%d/%d)", title,
                100 * accuracy(), correct, total));
        byCondition.forEach((condition, c) -> b.append(String.format(Locale.ROOT, "%n  %-22s %6.2f%% (%d/%d)",
                condition, 100.0 * c[0] / c[1], c[0], c[1])));
        for (String miss : misses) {
            b.append("\n    ").append(miss);
        }
        return b.toString();
    }
}
