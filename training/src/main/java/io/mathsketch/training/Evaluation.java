package io.mathsketch.training;

/**
 * A classifier's results on a labelled set as a 10x10 confusion matrix: {@code confusion[truth][predicted]}.
 */
public record Evaluation(long[][] confusion) {

    public Evaluation {
        if (confusion.length != 10) {
            throw new IllegalArgumentException("a digit confusion matrix is 10x10");
        }
        for (long[] row : confusion) {
            if (row.length != 10) {
                throw new IllegalArgumentException("a digit confusion matrix is 10x10");
            }
        }
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
        for (int d = 0; d < 10; d++) {
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
