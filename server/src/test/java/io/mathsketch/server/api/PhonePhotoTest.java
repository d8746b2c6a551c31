package io.mathsketch.server.api;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.photo.Photo;
import io.mathsketch.corpus.photo.PhotoConfig;
import io.mathsketch.corpus.photo.PhotoSet;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 12-megapixel phone photo, as a phone sends it (a JPEG of several megabytes), posted to the packaged server (its
 * 512 MB heap) with the default configuration is read: its bytes are within {@code limits.max-payload-bytes} (it was
 * 413 at the old 2 MiB default) and its decoded picture within one address's share of the decode budget (it was 422
 * when the share priced its declared pixels). The photo is one of {@code PhotoConfig.TEST}'s conditions at 4032x3024
 * (the corpus's {@code PhoneSizedPhotoTest} reads more of them in the engine).
 */
class PhonePhotoTest {

    private static final int[] PHONE = {4032, 3024};
    /** The payload limit's default before phone photos were admitted. */
    private static final int OLD_LIMIT = 2 * 1024 * 1024;
    /** MNIST test digit 2 (a 1) on cream paper, JPEG quality 0.95: 4.0 MB. */
    private static final int PHOTO = 2;

    @Test
    void aTwelveMegapixelPhoneJpegIsReadWithTheDefaultLimits(@TempDir Path dir) throws Exception {
        MnistSubset mnist = MnistSubset.load();
        Photo photo = new PhotoSet(PhotoConfig.TEST.withFrames(List.of(PHONE)), mnist.images(), mnist.labels(),
                HandConfig.HELD_OUT).mnist(PHOTO);
        byte[] jpeg = photo.jpeg();
        System.out.printf("phone photo %s: %,d bytes%n", photo, jpeg.length);
        assertTrue(jpeg.length > OLD_LIMIT, "the photo is over the old limit: " + jpeg.length + " bytes");

        try (ServerProcess server = ServerProcess.start(dir, Map.of())) {
            Http.Response response = server.http().post("/api/v1/recognitions", "image/jpeg", jpeg);

            assertEquals(201, response.status(), response::toString);
            assertEquals(Integer.toString(photo.label()), response.json().getString("text"), response::toString);
        }
    }
}
