package io.mathsketch.server.access;

import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.codec.DecodeBudget;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.server.config.RateLimitSettings;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The share of the decode budget one address may hold: an address that posts large images on many connections at
 * once holds at most its share, and another address's image still finds room. The engine here reserves from a real
 * {@link DecodeBudget} as the engine's decoder does, and holds the large images until released.
 */
class ImageAdmissionTest {

    /** 1,000,000 pixels' worth of decoded bytes for all requests together; half of it per address. */
    private static final InputLimits LIMITS = InputLimits.builder()
            .maxDecodedBytesInFlight(1_000_000L * DecodeBudget.BYTES_PER_PIXEL).build();
    /** No rate limits and no pixel charge: only the share is under test. */
    private static final RateLimitSettings SHARE_ONLY = new RateLimitSettings(0, 1, 0, 1, 100, 0, 0, 50);

    private static final byte[] QUARTER = CanvasRenderer.white(400, 400).png();   // 160,000 pixels
    private static final byte[] LARGE = CanvasRenderer.white(700, 700).png();     // 490,000 pixels

    @Test
    void oneAddressHoldingItsShareCannotBlockAnotherAddresssImage() throws Exception {
        HoldingEngine engine = new HoldingEngine();
        ImageAdmission admission = new ImageAdmission(engine, new RateLimitFilter(SHARE_ONLY), LIMITS);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            // Six 160,000-pixel images at once from one address: 960,000 pixels would leave 40,000 for everyone
            // else; its share (500,000) holds three.
            List<Future<?>> attacker = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attacker.add(threads.submit(() -> from("198.51.100.7", admission, QUARTER)));
            }
            assertTrue(engine.entered.await(10, TimeUnit.SECONDS), "three of its images are being decoded");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (attacker.stream().filter(Future::isDone).count() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int refused = 0;
            for (Future<?> f : attacker) {
                if (!f.isDone()) {
                    continue;
                }
                ProblemException e = (ProblemException) unwrap(f);
                assertEquals(ProblemType.OVERLOADED, e.type(), e.getMessage());
                refused++;
            }
            assertEquals(3, refused, "the three beyond its share are refused (503, retry)");
            assertEquals(3 * 160_000L * DecodeBudget.BYTES_PER_PIXEL, admission.heldBy("198.51.100.7"));

            // Another address's 490,000-pixel image finds room while the first address holds its share.
            from("203.0.113.9", admission, LARGE);
            assertEquals(1, engine.decoded.get(), "decoded, not refused as overloaded");
        } finally {
            engine.release.countDown();
            threads.shutdown();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(0, admission.heldBy("198.51.100.7"), "given back when done");
        assertEquals(0, engine.budget.inFlight());
    }

    @Test
    void anImageLargerThanAnAddressMayHoldIsTooLargeNotOverloaded() {
        ImageAdmission admission = new ImageAdmission(new HoldingEngine(), new RateLimitFilter(SHARE_ONLY), LIMITS);
        byte[] over = CanvasRenderer.white(800, 800).png(); // 640,000 pixels: within the budget, over the share
        RecognitionException.ImageTooLarge e = assertThrows(RecognitionException.ImageTooLarge.class,
                () -> from("198.51.100.7", admission, over));
        assertTrue(e.getMessage().contains("rate-limit.address-decode-share"), e.getMessage());
    }

    @Test
    void aPhoneSizedPhotoIsPricedByThePictureItIsDecodedTo() throws RecognitionException {
        // The decode budget of server/jvm.options' 512 MB heap (half of the ~504 MB usable): one address's share,
        // ~126 MB, could not hold a 4032x3024 photo at full size (293 MB); reduced while decoding it needs 73 MB.
        InputLimits shipped = InputLimits.builder().maxDecodedBytesInFlight(252L << 20).build();
        HoldingEngine engine = new HoldingEngine(shipped);
        ImageAdmission admission = new ImageAdmission(engine, new RateLimitFilter(SHARE_ONLY), shipped);
        from("198.51.100.8", admission, CanvasRenderer.white(4032, 3024).png());
        assertEquals(1, engine.decoded.get(), "admitted and decoded, not refused as too large");
        assertEquals(0, admission.heldBy("198.51.100.8"), "given back when done");
    }

    private static Void from(String address, Recognizer admission, byte[] png) throws RecognitionException {
        Context context = Context.create();
        context.register(new RateLimitFilter.Origin(address, "owner-of-" + address));
        RecognitionException[] failure = new RecognitionException[1];
        Contexts.runInContext(context, () -> {
            try {
                admission.recognize(RecognitionRequest.digit(new RecognitionRequest.Input.EncodedImage(png)));
            } catch (RecognitionException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return null;
    }

    private static Throwable unwrap(Future<?> done) {
        try {
            done.get();
            throw new AssertionError("expected a refusal");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Reserves an image's decoded bytes from a real decode budget, holding the 400x400 ones until released. */
    private static final class HoldingEngine implements Recognizer {
        final DecodeBudget budget;
        final CountDownLatch entered = new CountDownLatch(3);
        final CountDownLatch release = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger decoded = new java.util.concurrent.atomic.AtomicInteger();

        HoldingEngine() {
            this(LIMITS);
        }

        HoldingEngine(InputLimits limits) {
            this.budget = new DecodeBudget(limits);
        }

        @Override
        public Recognition recognize(RecognitionRequest request) throws RecognitionException {
            ImageDecoder.Size size = ImageDecoder.declaredSize(
                    ((RecognitionRequest.Input.EncodedImage) request.input()).bytes()).orElseThrow();
            try (DecodeBudget.Reservation ignored = budget.reserve(size.width(), size.height())) {
                if (size.width() == 400) {
                    entered.countDown();
                    release.await();
                } else {
                    decoded.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        @Override
        public List<ModelInfo> models() {
            return List.of();
        }

        @Override
        public ModelInfo reload(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
