package io.mathsketch.corpus.chalk;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.ConditionScore;
import io.mathsketch.corpus.HeldOutDigits;
import io.mathsketch.corpus.MissedPictures;
import io.mathsketch.engine.mnist.MnistSubset;

import java.nio.file.Path;

/**
 * Tuning aid, never run by the build ({@code ChalkboardTuning [perSource [dir]]}): reads the tuning twin of
 * {@link ChalkboardQualityTest}'s set, {@link Chalkboards#TUNING_SEED} on MNIST test digits 1, 14, 27, ... and
 * held-out drawings re-seeded with {@link ChalkboardQualityTest#TUNING_HAND_SEED}, prints the score per condition with
 * every miss and, given {@code dir}, writes each missed photo there to look at. This is the set to tune the engine
 * on; the held-out set is read once after a change.
 */
public final class ChalkboardTuning {

    private ChalkboardTuning() {
    }

    public static void main(String[] args) throws Exception {
        int perSource = args.length > 0 ? Integer.parseInt(args[0]) : ChalkboardQualityTest.PER_SOURCE;
        Chalkboards set = new Chalkboards(Chalkboards.TUNING_SEED, HeldOutDigits.sources(MnistSubset.load(),
                ChalkboardQualityTest.TUNING_FIRST, ChalkboardQualityTest.TUNING_HAND_SEED, perSource));
        try (CommittedModel model = new CommittedModel()) {
            MissedPictures reader = new MissedPictures(model, args.length > 1 ? Path.of(args[1]) : null);
            ConditionScore score = ChalkboardQualityTest.score(set,
                    photo -> reader.read(photo.bytes(), photo.label(), photo.source(), ".jpg"));
            System.out.println("chalkboard tuning: " + score.report());
        }
    }
}
