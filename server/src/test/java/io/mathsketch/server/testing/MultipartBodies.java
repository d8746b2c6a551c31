package io.mathsketch.server.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code multipart/form-data} body a browser form sends: a text field, then the image as a file part. */
public final class MultipartBodies {

    private MultipartBodies() {
    }

    /** A field {@code note} holding {@code hello}, then {@code image} as the file {@code digit.png}, then the end. */
    public static byte[] form(String boundary, byte[] image) {
        return form(boundary, image, Map.of());
    }

    /** As {@link #form(String, byte[])}, with these text fields after {@code note}. */
    public static byte[] form(String boundary, byte[] image, Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + text
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"image\"; filename=\"digit.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
