package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.CommittedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Exact-number accuracy of number mode on a set of font numbers, as the canvas's PNG and as a phone photo (JPEG),
 * overall and per font, spacing and input, with every miss: what {@link FontNumberQualityTest} asserts on
 * {@link FontNumberConfig#TEST} and {@link #main} prints for {@link FontNumberConfig#TUNING}.
 *
 * @param canvas right and all on the canvas exports
 * @param photo  right and all on their photos
 * @param byCondition right and all per "input font", "input spacing" (input: canvas or photo)
 */
record FontNumberScore(int[] canvas, int[] photo, Map<String, int[]> byCondition, List<String> misses) {

    /** Reads every number of {@code set}; each miss's image written to {@code missDir} when given. */
    static FontNumberScore of(CommittedModel model, FontNumbers set, Path missDir) throws IOException {
        List<FontNumber> numbers = set.all();
        // Numbers are independent and their photos are much of the time: on every core.
        List<String[]> reads = IntStream.range(0, numbers.size()).parallel().mapToObj(i -> {
            FontNumber n = numbers.get(i);
            var shot = set.photo(n);
            return new String[] {model.readNumber(n.png()), model.readNumber(shot.jpeg()),
                    shot.conditions().toString()};
        }).toList();
        int[] canvas = new int[2], photo = new int[2];
        Map<String, int[]> byCondition = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            FontNumber n = numbers.get(i);
            String[] r = reads.get(i);
            for (int input = 0; input < 2; input++) {
                String name = input == 0 ? "canvas" : "photo";
                boolean right = r[input].equals(n.text());
                int[] total = input == 0 ? canvas : photo;
                total[0] += right ? 1 : 0;
                total[1]++;
                for (String condition : List.of(name + " font " + n.font().family(), name + " spacing "
                        + n.spacing())) {
                    int[] tally = byCondition.computeIfAbsent(condition, k -> new int[2]);
                    tally[0] += right ? 1 : 0;
                    tally[1]++;
                }
                if (!right) {
                    misses.add(name + " read " + r[input] + ": " + n + (input == 1 ? " " + r[2] : ""));
                    if (missDir != null) {
                        Files.createDirectories(missDir);
                        Files.write(missDir.resolve(String.format(Locale.ROOT, "%s-%s-%d-%s-read-%s.%s", name,
                                n.font().name().toLowerCase(Locale.ROOT), n.index(), n.text(), r[input],
                                input == 0 ? "png" : "jpg")), input == 0 ? n.png() : set.photo(n).jpeg());
                    }
                }
            }
        }
        return new FontNumberScore(canvas, photo, byCondition, misses);
    }

    String report(String title) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: canvas %d/%d, photo %d/%d exact", title,
                canvas[0], canvas[1], photo[0], photo[1]));
        byCondition.forEach((condition, c) -> b.append(String.format(Locale.ROOT, "%n  %-36s %3d/%d", condition,
                c[0], c[1])));
        b.append(String.format("%n  misses (%d):", misses.size()));
        for (String miss : misses) {
            b.append("\n    ").append(miss);
        }
        return b.toString();
    }

    /**
     * Tuning: {@code FontNumberScore [missDir]} prints the score on {@link FontNumberConfig#TUNING} (never the test
     * set), and writes the misses' images to {@code missDir} when given.
     */
    public static void main(String[] args) throws Exception {
        try (CommittedModel model = CommittedModel.forNumbers()) {
            long start = System.nanoTime();
            FontNumberScore score = of(model, new FontNumbers(FontNumberConfig.TUNING),
                    args.length > 0 ? Path.of(args[0]) : null);
            System.out.println(score.report("font numbers (" + FontNumberConfig.TUNING.name() + ")"));
            System.out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
