package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Timing aid, never run by the build ({@code PhoneSizedDecodeTiming}; run it under the bench lock, against each
 * engine build to compare): the median of 16 calls after 4 warm-up ones of {@code ImageDecoder.decode} and
 * {@code ImagePreprocessor.digit} on 4 photos of the photo test's conditions at 4032x3024 (MNIST subset digits 0, 13,
 * 26, 39), as JPEG and as PNG, and of {@code digit} on 640x480 photos of the same digits, with limits that admit
 * them whatever the heap ({@code -Xmx2g}).
 */
final class PhoneSizedDecodeTiming {

    private PhoneSizedDecodeTiming() {
    }

    interface Work {
        Object run(byte[] encoded) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        MnistSubset subset = MnistSubset.load();
        PhotoSet phone = new PhotoSet(PhotoConfig.TEST.withFrames(List.of(PhoneSizedPhotoTest.PHONE)),
                subset.images(), subset.labels(), HandConfig.HELD_OUT);
        PhotoSet small = new PhotoSet(PhotoConfig.TEST.withFrames(List.of(new int[] {640, 480})), subset.images(),
                subset.labels(), HandConfig.HELD_OUT);
        List<byte[]> jpegs = new ArrayList<>(), pngs = new ArrayList<>(), smallJpegs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Photo photo = phone.mnist(i * 13);
            jpegs.add(photo.jpeg());
            pngs.add(Encoding.png(photo.image()));
            smallJpegs.add(small.mnist(i).jpeg());
        }
        InputLimits limits = InputLimits.builder().maxPayloadBytes(64L << 20).maxDecodedBytesInFlight(1L << 30)
                .build();
        ImageDecoder decoder = new ImageDecoder(limits);
        ImagePreprocessor preprocessor = new ImagePreprocessor(limits);
        report("decode 12 MP JPEG", jpegs, 4, 16, b -> decoder.decode(b, image -> image.width()));
        report("digit 12 MP JPEG", jpegs, 4, 16, preprocessor::digit);
        report("decode 12 MP PNG", pngs, 4, 16, b -> decoder.decode(b, image -> image.width()));
        report("digit 12 MP PNG", pngs, 4, 16, preprocessor::digit);
        report("digit 640x480 JPEG", smallJpegs, 200, 800, preprocessor::digit);
    }

    private static void report(String name, List<byte[]> inputs, int warmUp, int runs, Work work) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            work.run(inputs.get(i % inputs.size()));
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run(inputs.get(i % inputs.size()));
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("%-20s median %8.2f ms  p10 %8.2f  p90 %8.2f%n", name, times[runs / 2] / 1e6,
                times[runs / 10] / 1e6, times[runs * 9 / 10] / 1e6);
    }
}
