package io.mathsketch.engine.codec;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.testing.PngBytes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PNG decoder pool keeps a decoder for every decode that can run at once, so none is made anew per request. */
class ImageDecoderPoolTest {

    @Test
    void thePoolKeepsADecoderForEveryCarrier() {
        assertEquals(16, ImageDecoder.concurrentDecodes("16", 2), "the server's 16 carriers on 2 cores");
        assertEquals(8, ImageDecoder.concurrentDecodes(null, 4), "unset: the cores, twice for platform threads");
        assertEquals(4, ImageDecoder.concurrentDecodes("1", 2));
        assertEquals(4, ImageDecoder.concurrentDecodes("not a number", 2));
    }

    @Test
    void decodesRunningAtOnceAllFindTheirDecoderBackInThePool() throws Exception {
        int carriers = ImageDecoder.concurrentDecodes("16", 2);
        ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT, carriers);
        byte[] png = PngBytes.encode(28, 28, PngBytes.GREY, 8, new int[28 * 28], 0, null, null);
        CyclicBarrier allDecoding = new CyclicBarrier(carriers);
        try (ExecutorService threads = Executors.newFixedThreadPool(carriers)) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < carriers; i++) {
                done.add(threads.submit(() -> decoder.decode(png, image -> {
                    try {
                        // Every decode holds its decoder until all of them hold one.
                        allDecoding.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return image.width();
                })));
            }
            for (Future<Integer> result : done) {
                assertEquals(28, result.get(60, TimeUnit.SECONDS));
            }
        }
        assertEquals(carriers, decoder.pooledDecoders(), "every decoder made was kept for the next requests");
    }
}
