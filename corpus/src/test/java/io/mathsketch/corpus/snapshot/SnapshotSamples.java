package io.mathsketch.corpus.snapshot;

import io.mathsketch.corpus.fixtures.CanvasFixtures;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the first snapshots of the test set as JPEG files to look at: {@code SnapshotSamples <dir> [count]}. */
final class SnapshotSamples {

    private SnapshotSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Snapshots set = Snapshots.ofFixtures(Snapshots.TEST_SEED, CanvasFixtures.load());
        for (int i = 0; i < count; i++) {
            Snapshots.Snapshot s = set.snapshot(i * 7 % set.size());
            Files.write(dir.resolve(String.format("%03d-%d.jpg", i, s.label())), s.jpeg());
            System.out.println(i + ": " + s);
        }
    }
}
