package io.mathsketch.corpus.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes a POST request and reads one HTTP/1.1 response (status line, headers, then a {@code Content-Length},
 * chunked, or read-to-close body) straight off a socket's streams. The body is kept up to a limit and the rest
 * skipped, so a load generator can discard it (limit 0) and an attack client cannot be made to hold a huge one.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * One response.
     *
     * @param status the status code
     * @param contentType the {@code Content-Type} header's value, or null
     * @param close whether the server said it closes the connection ({@code Connection: close})
     * @param body the first bytes of the body, at most the limit the response was read with
     */
    public record Response(int status, String contentType, boolean close, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The bytes of {@code POST uri} with the given body, {@code Host} and {@code Content-Length}. */
    public static byte[] post(URI uri, String contentType, byte[] body) {
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /**
     * Reads one response from {@code in} (buffered by the caller), keeping at most {@code maxBody} bytes of its body.
     *
     * @throws EOFException when the connection closes inside the status line, the headers or a delimited body
     */
    public static Response read(InputStream in, int maxBody) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false, close = false;
        String contentType = null;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            } else if (lower.startsWith("content-type:")) {
                contentType = header.substring("content-type:".length()).trim();
            }
        }
        Body body = new Body(maxBody);
        if (status / 100 == 1 || status == 204 || status == 304) {
            // no body, whatever the headers say
        } else if (chunked) {
            for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.copy(in, size, true);
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // trailers carry nothing these clients need
            }
        } else if (length >= 0) {
            body.copy(in, length, true);
        } else {
            body.copy(in, Long.MAX_VALUE, false); // delimited by the server closing the connection
            close = true;
        }
        return new Response(status, contentType, close, body.bytes());
    }

    private static long chunkSize(InputStream in) throws IOException {
        return Long.parseLong(line(in).split(";")[0].trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The first {@code limit} bytes of a body; the rest is read and dropped. */
    private static final class Body {
        private final byte[] kept;
        private final byte[] buffer = new byte[8192];
        private int size;

        Body(int limit) {
            kept = new byte[limit];
        }

        void copy(InputStream in, long n, boolean delimited) throws IOException {
            while (n > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (read < 0) {
                    if (delimited) {
                        throw new EOFException("connection closed inside a body");
                    }
                    return;
                }
                int keep = Math.min(read, kept.length - size);
                System.arraycopy(buffer, 0, kept, size, keep);
                size += keep;
                n -= read;
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(kept, size);
        }
    }
}
