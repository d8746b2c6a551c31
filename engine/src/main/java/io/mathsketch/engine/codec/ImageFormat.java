package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException.UnsupportedImage;
import io.mathsketch.engine.codec.png.PngDecoder;

import java.util.Optional;

/** The formats we read, recognised by their magic bytes (never by a declared content type). */
enum ImageFormat {
    PNG("png"), JPEG("jpeg"), GIF("gif"), BMP("bmp");

    /** The ImageIO format name of the reader used for this format. */
    final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The media type of this format, {@code image/<name>}. */
    String mediaType() {
        return "image/" + imageIoName;
    }

    static ImageFormat sniff(byte[] data) throws UnsupportedImage {
        if (data.length == 0) {
            throw new UnsupportedImage("the payload is empty");
        }
        return of(data).orElseThrow(() -> new UnsupportedImage("not a PNG, JPEG, GIF or BMP image"
                + knownOther(data)));
    }

    /** The format the bytes start like, if it is one of ours. */
    static Optional<ImageFormat> of(byte[] data) {
        if (PngDecoder.hasSignature(data)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 'G', 'I', 'F', '8') && data.length > 5 && (data[4] == '7' || data[4] == '9')
                && data[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(data, 'B', 'M')) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static String knownOther(byte[] data) {
        if (startsWith(data, '%', 'P', 'D', 'F')) {
            return " (looks like a PDF)";
        }
        if (startsWith(data, 'R', 'I', 'F', 'F') && data.length >= 12 && data[8] == 'W' && data[9] == 'E'
                && data[10] == 'B' && data[11] == 'P') {
            return " (looks like WebP)";
        }
        if (startsWith(data, 'I', 'I', '*', 0) || startsWith(data, 'M', 'M', 0, '*')) {
            return " (looks like TIFF)";
        }
        return "";
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
