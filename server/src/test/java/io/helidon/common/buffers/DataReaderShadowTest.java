package io.helidon.common.buffers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's patched copy of Helidon's {@code DataReader}: it is the class loaded, it unlinks consumed nodes, and the
 * Helidon class it shadows is still the one it was copied from.
 */
class DataReaderShadowTest {

    /** SHA-256 of {@code DataReader.class} in helidon-common-buffers 4.5.0, the class the patched copy was made from. */
    private static final String COPIED_FROM_SHA256 = "0e4233f79c6b6d181a697b6070b130663b79536c73666c3e85f1e340199d12eb";
    private static final String CLASS_FILE = "io/helidon/common/buffers/DataReader.class";

    @Test
    void consumedNodeNoLongerLinksToTheRestOfTheConnection() throws ReflectiveOperationException {
        Iterator<byte[]> chunks = List.of(new byte[] {1, 2}, new byte[] {3, 4}, new byte[] {5, 6}).iterator();
        DataReader reader = new DataReader(chunks::next);

        assertEquals(1, reader.read());
        Object first = head(reader);
        assertEquals(2, reader.read());
        assertEquals(3, reader.read());

        assertNotSame(first, head(reader), "the reader moved on to the second chunk");
        assertNull(next(first), "a consumed node must not keep the connection's later nodes reachable");
        assertEquals(4, reader.read());
        assertEquals(5, reader.read());
    }

    @Test
    void patchedCopyIsLoadedAheadOfHelidons() {
        String loadedFrom = DataReader.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertFalse(loadedFrom.contains("helidon-common-buffers"), "loaded from " + loadedFrom);
    }

    @Test
    void helidonsClassIsTheOneThePatchWasCopiedFrom() throws IOException, NoSuchAlgorithmException {
        List<URL> copies = Collections.list(DataReader.class.getClassLoader().getResources(CLASS_FILE));
        URL helidons = copies.stream().filter(url -> url.toString().contains("helidon-common-buffers")).findFirst()
                .orElseThrow(() -> new AssertionError("Helidon's DataReader is not on the class path: " + copies));
        try (InputStream in = helidons.openStream()) {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertEquals(COPIED_FROM_SHA256, digest, "Helidon's DataReader changed (" + helidons + "): if the new "
                    + "version unlinks consumed nodes in ensureAvailable(), delete the server's copy; otherwise copy "
                    + "the new source again, re-apply the marked change and record the new digest here");
        }
        assertTrue(copies.size() >= 2, "the patched copy and Helidon's: " + copies);
    }

    private static Object head(DataReader reader) throws ReflectiveOperationException {
        Field head = DataReader.class.getDeclaredField("head");
        head.setAccessible(true);
        return head.get(reader);
    }

    private static Object next(Object node) throws ReflectiveOperationException {
        Field next = node.getClass().getDeclaredField("next");
        next.setAccessible(true);
        return next.get(node);
    }
}
