package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.engine.mnist.MnistSubset;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Measurement aid, never run by the build ({@code PhoneSizedPhotoComparison [count]}): what the JPEG path's reduction
 * by one pixel per block costs against averaging. Reads {@code count} (default 30) photos per source of the photo
 * test's conditions at 4032x3024 (MNIST subset digits 13 i for i from 40, held-out hands from 40: photos
 * {@link PhoneSizedPhotoTest} does not read) three ways: the JPEG as the engine decodes it (ImageIO's subsampling,
 * 2016x1512), the same JPEG decoded in full and averaged over 2x2 blocks here (sent as a lossless PNG of 2016x1512,
 * which the engine takes as it is), and the same photo at 1152x864; prints the readings that are not the label and
 * the counts.
 */
final class PhoneSizedPhotoComparison {

    private PhoneSizedPhotoComparison() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        MnistSubset subset = MnistSubset.load();
        PhotoSet phone = new PhotoSet(PhotoConfig.TEST.withFrames(List.of(PhoneSizedPhotoTest.PHONE)),
                subset.images(), subset.labels(), PhotoQualityTest.HAND);
        PhotoSet small = new PhotoSet(PhotoConfig.TEST.withFrames(List.of(PhoneSizedPhotoTest.ONE_MEGAPIXEL)),
                subset.images(), subset.labels(), PhotoQualityTest.HAND);
        int subsampled = 0, averaged = 0, oneMegapixel = 0, same = 0;
        try (CommittedModel model = new CommittedModel(List.of("mnist-cnn"), PhoneSizedPhotoTest.SHIPPED_HEAP)) {
            for (int i = 0; i < 2 * count; i++) {
                int k = 40 + i / 2;
                boolean mnist = i % 2 == 0;
                Photo large = mnist ? phone.mnist(k * 13) : phone.hand(k);
                Photo reference = mnist ? small.mnist(k * 13) : small.hand(k);
                byte[] jpeg = large.jpeg();
                String s = model.read(jpeg);
                String a = model.read(Encoding.png(halved(ImageIO.read(new ByteArrayInputStream(jpeg)))));
                String o = model.read(reference.jpeg());
                String label = Integer.toString(large.label());
                subsampled += s.equals(label) ? 1 : 0;
                averaged += a.equals(label) ? 1 : 0;
                oneMegapixel += o.equals(label) ? 1 : 0;
                same += s.equals(a) ? 1 : 0;
                if (!s.equals(label) || !a.equals(label) || !o.equals(label)) {
                    System.out.println("subsampled " + s + ", averaged " + a + ", 1 MP " + o + ": " + large);
                }
            }
        }
        System.out.printf("%d photos at 4032x3024: subsampled %d, averaged %d, at 1 MP %d read right;"
                + " subsampled = averaged on %d%n", 2 * count, subsampled, averaged, oneMegapixel, same);
    }

    /** The mean of each 2x2 block, per channel, rounded. */
    private static BufferedImage halved(BufferedImage full) {
        int fw = full.getWidth(), w = fw / 2, h = full.getHeight() / 2;
        int[] argb = full.getRGB(0, 0, fw, full.getHeight(), null, 0, fw);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0, g = 0, b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int c = argb[(2 * y + dy) * fw + 2 * x + dx];
                        r += c >> 16 & 0xFF;
                        g += c >> 8 & 0xFF;
                        b += c & 0xFF;
                    }
                }
                out.setRGB(x, y, (r + 2) / 4 << 16 | (g + 2) / 4 << 8 | (b + 2) / 4);
            }
        }
        return out;
    }
}
