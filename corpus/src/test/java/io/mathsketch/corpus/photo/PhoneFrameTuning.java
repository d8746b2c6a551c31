package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.engine.mnist.MnistSubset;

import java.util.ArrayList;
import java.util.List;

/**
 * Tuning aid, never run by the build ({@code PhoneFrameTuning [count]}): {@link PhotoTuning}'s set 0 photographed at
 * the frame sizes phones send (4032x3024 and 3024x4032, what a 12-megapixel camera writes; 2048x1536 and 1600x1200,
 * what apps resize to) rather than the sets' 320x240-1280x960, with every miss. The photo sets never reach a frame of
 * 1200 px both ways, where other rules may apply (a scanned page's).
 */
final class PhoneFrameTuning {

    static final List<int[]> PHONE_FRAMES = List.of(new int[] {4032, 3024}, new int[] {3024, 4032},
            new int[] {2048, 1536}, new int[] {1600, 1200});

    private PhoneFrameTuning() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        MnistSubset subset = MnistSubset.load();
        int[][] perDigit = new int[2][10];
        try (CommittedModel model = new CommittedModel()) {
            PhotoSet set = new PhotoSet(PhotoTuning.config(0).withFrames(PHONE_FRAMES), subset.images(),
                    subset.labels(), PhotoTuning.hand(0));
            List<String> misses = new ArrayList<>();
            int mnist = 0, drawn = 0;
            for (int i = 0; i < count; i++) {
                mnist += PhotoQualityTest.readsItsLabel(model, set.mnist(PhotoTuning.mnistIndex(0, i)), misses,
                        perDigit) ? 1 : 0;
                drawn += PhotoQualityTest.readsItsLabel(model, set.hand(i), misses, perDigit) ? 1 : 0;
            }
            System.out.printf("phone-frame photos: %.2f%% (MNIST test digits %d/%d, held-out handwriting %d/%d)"
                    + "%n  %s%n", 100.0 * (mnist + drawn) / (2 * count), mnist, count, drawn, count,
                    String.join("\n  ", misses));
        }
    }
}
