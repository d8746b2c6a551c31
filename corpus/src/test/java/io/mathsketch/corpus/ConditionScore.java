package io.mathsketch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * What a set of pictures of one digit each reads: the share right, and a report of how many were answered blank or
 * refused, the share right under each condition the pictures were made in, and every miss.
 *
 * @param accuracy the share of pictures read as their digit
 * @param report   the figures to print
 */
public record ConditionScore(double accuracy, String report) {

    /**
     * What a kind of picture tells the tally.
     *
     * @param name         the set's name in the report
     * @param label        the digit a picture shows
     * @param conditions   the conditions it was made in, each counted apart ("pen pencil", "frame 1280")
     * @param withoutBytes the picture as the report keeps it (its file dropped once read)
     */
    public record Tally<P>(String name, ToIntFunction<P> label, Function<P, List<String>> conditions,
                           UnaryOperator<P> withoutBytes) {
    }

    /** One picture's reading and the picture without its file. */
    private record Reading<P>(String read, P picture) {
    }

    /** Makes and reads pictures 0..{@code size - 1} on every core, then tallies them. */
    public static <P> ConditionScore read(int size, IntFunction<P> picture, Function<P, String> reader,
                                          Tally<P> tally) {
        List<Reading<P>> readings = IntStream.range(0, size).parallel().mapToObj(i -> {
            P made = picture.apply(i);
            return new Reading<>(reader.apply(made), tally.withoutBytes().apply(made));
        }).toList();
        Map<String, int[]> byCondition = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        int blank = 0;
        for (Reading<P> reading : readings) {
            boolean right = reading.read().equals(Integer.toString(tally.label().applyAsInt(reading.picture())));
            correct += right ? 1 : 0;
            blank += reading.read().matches("[0-9]") ? 0 : 1;
            for (String condition : tally.conditions().apply(reading.picture())) {
                int[] n = byCondition.computeIfAbsent(condition, c -> new int[2]);
                n[0] += right ? 1 : 0;
                n[1]++;
            }
            if (!right) {
                misses.add("read " + reading.read() + ": " + reading.picture());
            }
        }
        double accuracy = (double) correct / size;
        StringBuilder report = new StringBuilder(String.format(
                "%s: %.2f%% (%d/%d); misses answered blank or refused: %d, another digit: %d", tally.name(),
                100 * accuracy, correct, size, blank, size - correct - blank));
        byCondition.forEach((condition, n) -> report.append(String.format("%n  %-24s %3d/%d", condition, n[0], n[1])));
        report.append(String.format("%n  misses (%d):%n    ", misses.size())).append(String.join("\n    ", misses));
        return new ConditionScore(accuracy, report.toString());
    }
}
