package io.mathsketch.corpus.board;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.ConditionScore;
import io.mathsketch.corpus.MissedPictures;
import io.mathsketch.engine.mnist.MnistSubset;

import java.nio.file.Path;

/**
 * Tuning aid, never run by the build ({@code WhiteboardTuning [perSource [dir]]}): reads the tuning twin of
 * {@link WhiteboardQualityTest}'s set, {@link Whiteboards#TUNING_SEED} on MNIST test digits 9, 22, 35, ... and
 * held-out drawings re-seeded with {@link #HAND_SEED}, prints the score per condition with every miss and, given {@code dir}, writes
 * each missed photo there to look at.
 */
public final class WhiteboardTuning {

    static final long HAND_SEED = 0xB0A4_D121L;

    private WhiteboardTuning() {
    }

    public static void main(String[] args) throws Exception {
        int perSource = args.length > 0 ? Integer.parseInt(args[0]) : 75;
        Whiteboards set = WhiteboardQualityTest.set(Whiteboards.TUNING_SEED, MnistSubset.load(), 9, HAND_SEED,
                perSource);
        try (CommittedModel model = new CommittedModel()) {
            MissedPictures reader = new MissedPictures(model, args.length > 1 ? Path.of(args[1]) : null);
            ConditionScore score = WhiteboardQualityTest.score(set,
                    photo -> reader.read(photo.bytes(), photo.label(), photo.source(), ".jpg"));
            System.out.println("whiteboard tuning: " + score.report());
        }
    }
}
