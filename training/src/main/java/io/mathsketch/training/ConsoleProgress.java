package io.mathsketch.training;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress display per epoch (batch count, running loss and accuracy, throughput, ETA of the whole run),
 * followed by a summary line with the epoch's test accuracy.
 */
public final class ConsoleProgress implements TrainingProgress {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final int batchSize;
    private final long totalSteps;
    private final long start = System.nanoTime();
    private long lastPrint;
    private long stepsDone;

    /**
     * @param totalSteps optimiser steps of the whole run, for the ETA
     */
    public ConsoleProgress(PrintStream out, int batchSize, long totalSteps) {
        this.out = out;
        this.batchSize = batchSize;
        this.totalSteps = totalSteps;
    }

    @Override
    public void batch(int epoch, int batch, int batches, double meanLoss, double meanAccuracy) {
        stepsDone++;
        long now = System.nanoTime();
        if (now - lastPrint < REFRESH_NANOS && batch < batches) {
            return;
        }
        lastPrint = now;
        double elapsed = (now - start) / 1e9;
        double eta = elapsed / stepsDone * Math.max(0, totalSteps - stepsDone);
        out.printf("\repoch %d %s %d/%d  loss %.4f  acc %.2f%%  %.0f img/s  ETA %s   ", epoch, bar(batch, batches),
                batch, batches, meanLoss, 100 * meanAccuracy, stepsDone * batchSize / elapsed, format(eta));
        out.flush();
    }

    @Override
    public void epoch(EpochResult r, int epochs) {
        out.printf("%nepoch %d/%d done in %s: train loss %.4f, train acc %.2f%%, test acc %.2f%%%n",
                r.epoch(), epochs, format(r.seconds()), r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.testAccuracy());
        out.flush();
    }

    private static String bar(int done, int total) {
        int width = 20, filled = (int) ((long) width * done / Math.max(1, total));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** Seconds as {@code 4m05s} or {@code 42s}. */
    public static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + String.format("%02ds", d.toSecondsPart()) : d.toSeconds() + "s";
    }
}
