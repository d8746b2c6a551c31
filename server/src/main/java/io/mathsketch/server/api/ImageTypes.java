package io.mathsketch.server.api;

import java.util.Optional;

/**
 * The media type of image bytes, from their signature. The stored original is served with this type rather than
 * whatever the client declared, so the image endpoint never echoes an arbitrary client-supplied header value.
 */
final class ImageTypes {

    private ImageTypes() {
    }

    static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(bytes, 'B', 'M')) {
            return Optional.of("image/bmp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
