package io.mathsketch.training;

/**
 * A classifier's results on a labelled set as a square confusion matrix, one row and column per class (10 for
 * digits, 18 for the symbol model): {@code confusion[truth][predicted]}.
 */
public record Evaluation(long[][] confusion) {

    public Evaluation {
        if (confusion.length < 2) {
            throw new IllegalArgumentException("a confusion matrix has at least two classes");
        }
        for (long[] row : confusion) {
            if (row.length != confusion.length) {
                throw new IllegalArgumentException("a confusion matrix is square");
            }
        }
    }

    /** Number of classes. */
    public int classes() {
        return confusion.length;
    }

    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public long correct() {
        long n = 0;
        for (int d = 0; d < confusion.length; d++) {
            n += confusion[d][d];
        }
        return n;
    }

    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }

    /** Recall of each digit: the share of its images classified correctly. */
    public double classAccuracy(int digit) {
        long n = 0;
        for (long v : confusion[digit]) {
            n += v;
        }
        return n == 0 ? 0 : (double) confusion[digit][digit] / n;
    }
}
