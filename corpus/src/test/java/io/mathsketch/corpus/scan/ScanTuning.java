package io.mathsketch.corpus.scan;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.ConditionScore;
import io.mathsketch.corpus.MissedPictures;
import io.mathsketch.engine.mnist.MnistSubset;

import java.nio.file.Path;

/**
 * Tuning aid, never run by the build ({@code ScanTuning [perSource [dir]]}): reads the tuning twin of
 * {@link ScanQualityTest}'s set, {@link Scans#TUNING_SEED} on MNIST test digits 5, 18, 31, ... and held-out drawings
 * re-seeded with {@link #HAND_SEED}, prints the score per condition with every miss and, given {@code dir}, writes
 * each missed scan there to look at.
 */
public final class ScanTuning {

    static final long HAND_SEED = 0x5CA4_0121L;

    private ScanTuning() {
    }

    public static void main(String[] args) throws Exception {
        int perSource = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Scans set = ScanQualityTest.set(Scans.TUNING_SEED, MnistSubset.load(), 5, HAND_SEED, perSource);
        try (CommittedModel model = new CommittedModel()) {
            MissedPictures reader = new MissedPictures(model, args.length > 1 ? Path.of(args[1]) : null);
            ConditionScore score = ScanQualityTest.score(set, scan -> reader.read(scan.bytes(), scan.label(),
                    scan.source(), scan.format() == Scans.Format.GREY_JPEG ? ".jpg" : ".png"));
            System.out.println("scan tuning: " + score.report());
        }
    }
}
