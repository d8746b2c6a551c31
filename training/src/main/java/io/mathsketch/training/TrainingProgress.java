package io.mathsketch.training;

/** Receives a training run's progress; {@link ConsoleProgress} shows it, tests ignore it. */
public interface TrainingProgress {

    /** After each optimiser step. */
    void batch(int epoch, int batch, int batches, double meanLoss, double meanAccuracy);

    /** After each epoch's test evaluation. */
    void epoch(EpochResult result, int epochs);

    TrainingProgress SILENT = new TrainingProgress() {
        @Override
        public void batch(int epoch, int batch, int batches, double meanLoss, double meanAccuracy) {
        }

        @Override
        public void epoch(EpochResult result, int epochs) {
        }
    };
}
