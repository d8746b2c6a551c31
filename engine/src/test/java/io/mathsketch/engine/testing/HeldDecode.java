package io.mathsketch.engine.testing;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.codec.ImageDecoder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Another request's decode, held inside its reader on another thread: while held, it keeps its share of the decode
 * budget, so a test can see what a second request meets beside it. {@link #close()} lets it finish (also when the
 * test fails first), {@link #finish()} then answers the decoded image's width.
 */
public final class HeldDecode implements AutoCloseable {

    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Integer> width;

    private HeldDecode(ImageDecoder decoder, byte[] encoded) {
        width = CompletableFuture.supplyAsync(() -> {
            try {
                return decoder.decode(encoded, image -> {
                    inside.countDown();
                    await(release);
                    return image.width();
                });
            } catch (RecognitionException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Starts decoding {@code encoded} and returns once the decode is inside its reader (at most 30 s). */
    public static HeldDecode start(ImageDecoder decoder, byte[] encoded) throws InterruptedException {
        HeldDecode held = new HeldDecode(decoder, encoded);
        if (!held.inside.await(30, TimeUnit.SECONDS)) {
            held.close();
            throw new AssertionError("the decode did not reach its reader within 30 s");
        }
        return held;
    }

    /** Lets the decode finish and answers the width it decoded. */
    public int finish() throws Exception {
        close();
        return width.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
