package io.mathsketch.server.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The {@code multipart/form-data} body a browser form sends: a text field, then the image as a file part. */
public final class MultipartBodies {

    private MultipartBodies() {
    }

    /** A field {@code note} holding {@code hello}, then {@code image} as the file {@code digit.png}, then the end. */
    public static byte[] form(String boundary, byte[] image) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"image\"; filename=\"digit.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
