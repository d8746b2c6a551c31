package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.CompleteMnistTest;

import java.nio.file.Path;

/**
 * Tuning aid, never run by the build ({@code NumberPhotoTuning [count [missDir]]}): {@link NumberPhotoQualityTest}'s
 * measure on {@link NumberPhotos#TUNING} (400 photos by default, 100 per kind), never the held-out set; each miss's
 * JPEG is written to {@code missDir} when given. With {@code -Dcanvas=true} it also reads each number as its canvas
 * export (no camera) and lists the photos missed whose canvas is read right: what the photo costs.
 */
final class NumberPhotoTuning {

    private NumberPhotoTuning() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path missDir = args.length > 1 ? Path.of(args[1]) : null;
        try (CommittedModel model = CommittedModel.forNumbers()) {
            long start = System.nanoTime();
            NumberPhotoScore score = NumberPhotoScore.of(model, NumberPhotos.TUNING, count, missDir);
            System.out.println(score.report("number photos (" + NumberPhotos.TUNING.name() + ")"));
            System.out.printf("%.1f ms per photo (made and read)%n", (System.nanoTime() - start) / 1e6 / count);
            if (Boolean.getBoolean("canvas")) {
                NumberWriter writer = new NumberWriter(NumberPhotos.TUNING.numbers(), CompleteMnistTest.IMAGES,
                        CompleteMnistTest.LABELS);
                int canvas = 0;
                StringBuilder photoOnly = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    WrittenNumber number = writer.number(i);
                    boolean right = model.readNumber(number.png()).equals(number.text());
                    canvas += right ? 1 : 0;
                    String prefix = "#" + i + " read ";
                    if (right && score.misses().stream().anyMatch(m -> m.startsWith(prefix))) {
                        photoOnly.append("\n  #").append(i);
                    }
                }
                System.out.printf("the same numbers as canvas exports: %d/%d; missed only as photos:%s%n", canvas,
                        count, photoOnly);
            }
        }
    }
}
