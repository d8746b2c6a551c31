package io.mathsketch.server.api;

import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.codec.MetadataStripper;
import io.mathsketch.engine.codec.Orientation;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What is kept of an uploaded image: its bytes without their metadata ({@link MetadataStripper}). A picture whose
 * EXIF orientation says it is stored turned is decoded whole and encoded again for that, after the engine has given
 * its decode budget back: up to {@link MetadataStripper#MAX_UPRIGHT_PIXELS} pixels, tens of megabytes of heap and up
 * to a second of CPU each. Such copies are made one at a time, and a picture that finds no turn within
 * {@link #UPRIGHT_WAIT} is not kept (its 28x28 input is served instead). Unbounded, turned 4096x4096 16-bit PNGs of
 * 138 KB, a few every second from one address, filled the 512 MB heap (an OutOfMemoryError: the instance no longer
 * live), with {@code store=false} too, which now prepares no original at all.
 */
final class OriginalImages {

    /** How long a turned picture waits for the copy before the others; past it, it is not kept. */
    static final Duration UPRIGHT_WAIT = Duration.ofSeconds(2);

    private final Semaphore uprightCopies;
    private final Duration wait;

    OriginalImages() {
        this(1, UPRIGHT_WAIT);
    }

    /** Tests: {@code concurrent} upright copies at once, each waiting up to {@code wait} for its turn. */
    OriginalImages(int concurrent, Duration wait) {
        this.uprightCopies = new Semaphore(concurrent);
        this.wait = wait;
    }

    /** The bytes to keep of {@code image}, or empty when it is not kept. */
    Optional<byte[]> kept(byte[] image) {
        if (ImageDecoder.orientation(image) == Orientation.NORMAL) {
            return MetadataStripper.strip(image);
        }
        try {
            if (!uprightCopies.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return MetadataStripper.strip(image);
        } finally {
            uprightCopies.release();
        }
    }
}
