package io.mathsketch.corpus.snapshot;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.HandConfig;

/**
 * Tuning aid, never run by the build ({@code SnapshotTuning [count]}): reads {@code count} snapshots of
 * {@link Snapshots#TUNING_SEED} taken of the held-out hands re-seeded with {@link #HAND_SEED} (all 22 styles, as the
 * fixtures have them) and prints the score per paper and pen with every miss. Never the fixtures:
 * {@link SnapshotQualityTest}'s set is measured only afterwards.
 */
public final class SnapshotTuning {

    static final long HAND_SEED = 0x5A4F_0121L;

    private SnapshotTuning() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (CommittedModel model = new CommittedModel()) {
            System.out.println("snapshot tuning: " + SnapshotQualityTest.score(model, set(count)).report());
        }
    }

    /** The first {@code count} snapshots of the tuning set (other tuning aids read it too). */
    public static Snapshots set(int count) {
        return Snapshots.ofHand(Snapshots.TUNING_SEED, HandConfig.HELD_OUT.withSeed(HAND_SEED), count);
    }
}
