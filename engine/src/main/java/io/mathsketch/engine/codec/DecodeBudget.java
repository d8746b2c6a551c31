package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.Overloaded;
import io.mathsketch.engine.config.InputLimits;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that decoded pixels take, bounded per request ({@link InputLimits#maxImagePixels()}, by the pixels the
 * header declares) and across requests ({@link InputLimits#maxDecodedBytesInFlight()}, by the pixels held: the
 * declared ones, or the reduced picture an image larger than {@link Reduction#WORKING_PIXELS} is decoded to). A
 * request reserves its share from the header's dimensions before any pixel is decoded and gives it back when its
 * pixels are no longer needed, so a burst of large images is refused as overloaded instead of filling the heap. One
 * budget per engine instance.
 */
public final class DecodeBudget {

    /**
     * Heap a decoded pixel may take on its way to the model, whatever the format and mode: the decoder's planes,
     * ImageIO's raster, the upright copy, the ink field and number mode's crop and segmentation. Measured as bytes
     * allocated per declared pixel for 1024x1024 images: PNG 2-4 in digit mode and 11 in number mode, ImageIO
     * (JPEG, BMP, GIF) 5-11 and up to 18 (JPEG, number mode); {@code DecodeBudgetTest} keeps every path below this,
     * and a reduced image's allocation below this per pixel it is decoded to.
     */
    public static final int BYTES_PER_PIXEL = 24;

    private final long maxImagePixels;
    private final long capacity;
    private final AtomicLong inFlight = new AtomicLong();

    public DecodeBudget(InputLimits limits) {
        this.maxImagePixels = limits.maxImagePixels();
        this.capacity = limits.maxDecodedBytesInFlight();
    }

    /**
     * Reserves the heap to decode an image of these dimensions.
     *
     * @throws ImageTooLarge over the per-request pixel budget, or when the image alone needs more than all requests
     *                       together may hold (it could never be decoded here)
     * @throws Overloaded when the requests in flight leave too little for it now: retry later
     */
    public Reservation reserve(int width, int height) throws ImageTooLarge, Overloaded {
        long pixels = (long) width * height;
        if (pixels > maxImagePixels) {
            throw new ImageTooLarge(width, height, maxImagePixels, "limits.max-image-pixels");
        }
        Reduction held = Reduction.of(width, height);
        long bytes = bytesToDecode(width, height);
        if (bytes > capacity) {
            String budget = "what limits.max-decoded-bytes-in-flight allows";
            throw held.reduces()
                    ? new ImageTooLarge(width, height, held.width(), held.height(), capacity / BYTES_PER_PIXEL, budget)
                    : new ImageTooLarge(width, height, capacity / BYTES_PER_PIXEL, budget);
        }
        while (true) {
            long current = inFlight.get();
            if (current + bytes > capacity) {
                throw new Overloaded(bytes, current, capacity);
            }
            if (inFlight.compareAndSet(current, current + bytes)) {
                return new Reservation(bytes);
            }
        }
    }

    /**
     * The heap an image of these declared dimensions is held to while it is decoded and read: what {@link #reserve}
     * reserves, for callers that admit images by their heap before the engine sees them.
     */
    public static long bytesToDecode(int width, int height) {
        return Reduction.of(width, height).pixels() * BYTES_PER_PIXEL;
    }

    /** Bytes reserved by requests decoding now. */
    public long inFlight() {
        return inFlight.get();
    }

    public long capacity() {
        return capacity;
    }

    /** One request's share; closing it (once) gives it back. */
    public final class Reservation implements AutoCloseable {
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                inFlight.addAndGet(-bytes);
            }
        }
    }
}
