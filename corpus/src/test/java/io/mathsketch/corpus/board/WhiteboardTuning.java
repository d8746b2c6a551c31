package io.mathsketch.corpus.board;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.engine.mnist.MnistSubset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int perSource = args.length > 0 ? Integer.parseInt(args[0]) : 75;
        Whiteboards set = WhiteboardQualityTest.set(Whiteboards.TUNING_SEED, MnistSubset.load(), 9, HAND_SEED,
                perSource);
        try (CommittedModel model = new CommittedModel()) {
            Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : null;
            WhiteboardQualityTest.Score score = WhiteboardQualityTest.score(set, photo -> {
                String read = model.read(photo.bytes());
                if (dir != null && !read.equals(Integer.toString(photo.label()))) {
                    write(dir.resolve(photo.label() + "-read-" + read + "-" + photo.source().replace(' ', '_')
                            .replace('#', 'n') + ".jpg"), photo.bytes());
                }
                return read;
            });
            System.out.println("whiteboard tuning: " + score.report());
        }
    }
}
