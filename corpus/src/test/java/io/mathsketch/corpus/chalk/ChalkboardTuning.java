package io.mathsketch.corpus.chalk;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.engine.mnist.MnistSubset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int perSource = args.length > 0 ? Integer.parseInt(args[0]) : ChalkboardQualityTest.PER_SOURCE;
        Chalkboards set = new Chalkboards(Chalkboards.TUNING_SEED, ChalkboardQualityTest.sources(MnistSubset.load(),
                ChalkboardQualityTest.TUNING_FIRST, ChalkboardQualityTest.TUNING_HAND_SEED, perSource));
        try (CommittedModel model = new CommittedModel()) {
            Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : null;
            ChalkboardQualityTest.Score score = ChalkboardQualityTest.score(set, photo -> {
                String read = model.read(photo.bytes());
                if (dir != null && !read.equals(Integer.toString(photo.label()))) {
                    write(dir.resolve(photo.label() + "-read-" + read + "-" + photo.source().replace(' ', '_')
                            .replace('#', 'n') + ".jpg"), photo.bytes());
                }
                return read;
            });
            System.out.println("chalkboard tuning: " + score.report());
        }
    }
}
