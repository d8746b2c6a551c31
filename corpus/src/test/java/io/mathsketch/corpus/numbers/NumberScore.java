package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.CompleteMnistTest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Exact-number accuracy of the committed model on a set of written numbers, overall and per kind and source, with
 * every miss: what {@link NumberQualityTest} asserts and what tuning runs on {@link NumberConfig#TUNING}
 * ({@code main}, never the test set).
 */
record NumberScore(int correct, int total, Map<NumberKind, int[]> byKind, Map<NumberSource, int[]> bySource,
                   List<String> misses) {

    static NumberScore of(CommittedModel model, NumberConfig config, int count) {
        NumberWriter writer = new NumberWriter(config, CompleteMnistTest.IMAGES, CompleteMnistTest.LABELS);
        Map<NumberKind, int[]> byKind = new EnumMap<>(NumberKind.class);
        Map<NumberSource, int[]> bySource = new EnumMap<>(NumberSource.class);
        List<String> misses = new ArrayList<>();
        int correct = 0;
        for (int i = 0; i < count; i++) {
            WrittenNumber number = writer.number(i);
            String read = model.readNumber(number.png());
            boolean right = read.equals(number.text());
            correct += right ? 1 : 0;
            int[] k = byKind.computeIfAbsent(number.kind(), x -> new int[2]);
            int[] s = bySource.computeIfAbsent(number.source(), x -> new int[2]);
            k[0] += right ? 1 : 0;
            k[1]++;
            s[0] += right ? 1 : 0;
            s[1]++;
            if (!right) {
                misses.add("#" + i + " read " + read + ": " + number);
            }
        }
        return new NumberScore(correct, count, byKind, bySource, misses);
    }

    double accuracy() {
        return (double) correct / total;
    }

    String report(String title) {
        StringBuilder b = new StringBuilder(String.format("%s: %.2f%% exact (%d/%d)", title, 100 * accuracy(), correct,
                total));
        byKind.forEach((kind, c) -> b.append(String.format("%n  %-11s %6.2f%% (%d/%d)", kind, 100.0 * c[0] / c[1],
                c[0], c[1])));
        bySource.forEach((source, c) -> b.append(String.format("%n  %-11s %6.2f%% (%d/%d)", source,
                100.0 * c[0] / c[1], c[0], c[1])));
        for (String miss : misses) {
            b.append("\n    ").append(miss);
        }
        return b.toString();
    }

    /** Tuning: {@code NumberScore [count]} prints the score on {@link NumberConfig#TUNING}. */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        try (CommittedModel model = CommittedModel.forNumbers()) {
            long start = System.nanoTime();
            NumberScore score = of(model, NumberConfig.TUNING, count);
            System.out.println(score.report("tuning"));
            System.out.printf("%.1f ms per number%n", (System.nanoTime() - start) / 1e6 / count);
        }
    }
}
