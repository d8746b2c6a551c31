package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;

/**
 * The input of number mode's pair reader: a candidate that may be two touching digits, its ink box fitted into a
 * box {@value #WIDTH} pixels wide and {@value #HEIGHT} high keeping the aspect ratio (the MNIST recipe's resampling),
 * placed with the box's centre at the centre of the 28x28 field. Two digits side by side are about as wide as they
 * are tall or wider, so the pair keeps the height a lone digit has in the MNIST recipe and uses the field's whole
 * width; the box's centre, not the centre of mass, is placed, so that where one digit stops and the other starts
 * stays where the reader learnt it. Shared by serving and training, so the reader learns what the engine feeds it.
 */
public final class PairCentering {

    /** The fitted box: the field's whole width, the MNIST recipe's height. */
    static final int WIDTH = DigitImage.SIDE, HEIGHT = 20;

    /**
     * @throws RecognitionException.BlankImage when no pixel reaches {@link MnistCentering#INK_THRESHOLD}
     */
    public DigitImage center(InkImage image) throws RecognitionException.BlankImage {
        int[] box = MnistCentering.inkBounds(image, 0, 0, image.width(), image.height());
        if (box == null) {
            throw new RecognitionException.BlankImage();
        }
        int w = box[2] - box[0], h = box[3] - box[1];
        float scale = Math.min(WIDTH / (float) w, HEIGHT / (float) h);
        int tw = Math.max(1, Math.min(WIDTH, Math.round(w * scale)));
        int th = Math.max(1, Math.min(HEIGHT, Math.round(h * scale)));
        float[] patch = MnistCentering.resample(image, box[0], box[1], w, h, tw, th);
        int ox = (DigitImage.SIDE - tw) / 2, oy = (DigitImage.SIDE - th) / 2;
        float[] pixels = new float[DigitImage.SIZE];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                pixels[(oy + y) * DigitImage.SIDE + ox + x] = Math.min(1f, Math.max(0f, patch[y * tw + x]));
            }
        }
        return new DigitImage(pixels);
    }
}
