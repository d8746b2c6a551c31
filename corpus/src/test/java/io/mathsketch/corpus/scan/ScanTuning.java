package io.mathsketch.corpus.scan;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.engine.mnist.MnistSubset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int perSource = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Scans set = ScanQualityTest.set(Scans.TUNING_SEED, MnistSubset.load(), 5, HAND_SEED, perSource);
        try (CommittedModel model = new CommittedModel()) {
            Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : null;
            ScanQualityTest.Score score = ScanQualityTest.score(set, scan -> {
                String read = model.read(scan.bytes());
                if (dir != null && !read.equals(Integer.toString(scan.label()))) {
                    String ext = scan.format() == Scans.Format.GREY_JPEG ? ".jpg" : ".png";
                    write(dir.resolve(scan.label() + "-read-" + read + "-" + scan.source().replace(' ', '_')
                            .replace('#', 'n') + ext), scan.bytes());
                }
                return read;
            });
            System.out.println("scan tuning: " + score.report());
        }
    }
}
