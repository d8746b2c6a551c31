package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.PaperCamera;
import io.mathsketch.corpus.photo.PhotoConfig;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;

/**
 * Phone photos of written numbers, for {@code mode=number}: the numbers of a {@link NumberWriter} (all four kinds,
 * MNIST test digits and held-out hands) photographed on paper by {@link PaperCamera} under the photo set's conditions
 * (frame, paper, pen, light, blur, grain, JPEG), the line 10-60% of the frame's shorter side high and never wider
 * than the frame allows. Photo {@code i} depends only on the configuration and {@code i}. Thread-safe.
 */
public final class NumberPhotos {

    /**
     * A set of number photos.
     *
     * @param numbers what is written
     * @param camera  how it is photographed
     */
    public record Config(String name, NumberConfig numbers, PhotoConfig camera) {
    }

    /** The held-out set {@code NumberPhotoQualityTest} measures: seeds no other set uses. */
    public static final Config TEST = new Config("number-photos-test", NumberConfig.PHOTO_TEST,
            PhotoConfig.NUMBER_TEST);

    /** The set to tune on: other seeds, other MNIST digits. */
    public static final Config TUNING = new Config("number-photos-tuning", NumberConfig.PHOTO_TUNING,
            PhotoConfig.NUMBER_TUNING);

    /** One number photographed: what was written and the shot. */
    public record NumberPhoto(WrittenNumber number, PaperCamera.Shot shot) {

        /** As the phone sends it. */
        public byte[] jpeg() {
            return shot.jpeg();
        }

        @Override
        public String toString() {
            return number + ", line " + shot.inkBox().width() + "x" + shot.inkBox().height() + "px: "
                    + shot.conditions();
        }
    }

    private final Config config;
    private final NumberWriter writer;
    private final PaperCamera camera;

    public NumberPhotos(Config config, MnistImages images, MnistLabels labels) {
        this.config = config;
        this.writer = new NumberWriter(config.numbers(), images, labels);
        this.camera = new PaperCamera(config.camera());
    }

    public Config config() {
        return config;
    }

    /** Number {@code i} of the set, photographed. */
    public NumberPhoto photo(long i) {
        WrittenNumber number = writer.number(i);
        return new NumberPhoto(number, camera.shoot(i, InkCoverage.canvas(number.png())));
    }
}
