package io.mathsketch.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends bytes an ordinary HTTP client refuses to send (HTTP/1.0, broken request lines, oversized headers, unknown
 * methods) over a plain socket and reads back one response.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code request} as is and reads the response until the server closes or the body is complete. */
    public Response send(byte[] request) {
        try (Socket socket = open()) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * A connection of the test's own to hold, stall or cut: connected within 5 s, and a read that waits 30 s for a
     * byte fails (bounds, not speed targets).
     */
    public Socket open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(30_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Writes {@code text} (ISO-8859-1, one byte a character) to {@code socket} and flushes it. */
    public static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        if (headText.isEmpty()) {
            throw new IOException("connection closed without a response");
        }
        String[] lines = headText.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Response response = new Response(status, headText, "");
        if (response.header("transfer-encoding").orElse("").equalsIgnoreCase("chunked")) {
            return new Response(status, headText, new String(chunked(in), StandardCharsets.UTF_8));
        }
        int length = status == 204 || status == 304 ? 0
                : response.header("content-length").map(Integer::parseInt).orElse(-1);
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return new Response(status, headText, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            if (size == 0) {
                line(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** One response: status, raw head and body text. */
    public record Response(int status, String head, String body) {

        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return Optional.of(line.substring(prefix.length()).trim());
                }
            }
            return Optional.empty();
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** The problem type's slug, or the whole response text when it is no problem document. */
        public String problem() {
            if (!header("content-type").orElse("").startsWith("application/problem+json")) {
                return "not a problem document: " + this;
            }
            return json().getString("type").replace("urn:mathsketch:problem:", "");
        }
    }
}
