package io.mathsketch.engine.cli;

import java.util.List;

/** Counts of (true label, predicted label) pairs, with accuracy and a fixed-width text rendering. */
final class ConfusionMatrix {

    private final List<String> labels;
    private final int[][] counts;
    private int total;
    private int correct;

    ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new int[labels.size()][labels.size()];
    }

    void add(int actual, int predicted) {
        counts[actual][predicted]++;
        total++;
        if (actual == predicted) {
            correct++;
        }
    }

    int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    int total() {
        return total;
    }

    double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Rows are true labels, columns predicted labels. */
    String render() {
        int width = Math.max(5, Integer.toString(total).length() + 1);
        StringBuilder out = new StringBuilder(String.format("%-8s", "true\\pred"));
        for (String label : labels) {
            out.append(String.format("%" + width + "s", label));
        }
        out.append('\n');
        for (int a = 0; a < labels.size(); a++) {
            out.append(String.format("%-8s", labels.get(a)));
            for (int p = 0; p < labels.size(); p++) {
                out.append(String.format("%" + width + "d", counts[a][p]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
