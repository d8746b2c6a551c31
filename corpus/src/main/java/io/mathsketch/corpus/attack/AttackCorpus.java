package io.mathsketch.corpus.attack;

import io.mathsketch.corpus.attack.Attack.Expect;
import io.mathsketch.engine.config.InputLimits;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The attack corpus: every request of issue 12's list, generated deterministically for a server's input limits
 * (payload size and image sides: "at the limit" and "over the limit" are computed from them, never written down).
 * Image attacks are sent in every mode the API has; each attack states whether a 2xx answer is allowed (only for
 * well-formed images that are merely large; ink attacks, that ink whose drawing costs too much is refused as
 * {@code ink-too-large}). Building the corpus takes a second or two; it holds about 110 MB of requests at the default
 * 8 MiB payload limit (41 MB at 2 MiB), most of them bodies sized from the limit.
 */
public final class AttackCorpus {

    /** The recognition endpoint every body-carrying attack targets. */
    public static final String RECOGNITIONS = "/api/v1/recognitions";
    /** The modes image attacks are sent in. */
    public static final List<String> MODES = List.of("digit", "number", "expression");

    private static final String CRLF = "\r\n";

    private AttackCorpus() {
    }

    /** The corpus for a server running with the default limits ({@link InputLimits#DEFAULT}). */
    public static List<Attack> forDefaultLimits() {
        return of(InputLimits.DEFAULT);
    }

    /** The corpus for a server running with {@code limits}. */
    public static List<Attack> of(InputLimits limits) {
        int limit = (int) Math.min(limits.maxPayloadBytes(), 64 << 20);
        int side = Math.min(limits.maxWidth(), limits.maxHeight());
        List<Attack> attacks = new ArrayList<>();
        images(attacks, limits, side);
        inks(attacks, limits);
        json(attacks, limit);
        base64(attacks, limit);
        multipart(attacks);
        methods(attacks);
        contentTypes(attacks);
        protocol(attacks, limit);
        return List.copyOf(attacks);
    }

    private static void images(List<Attack> attacks, InputLimits limits, int side) {
        // Issue 12's attack: a few KB of PNG, a million specks (once an OutOfMemoryError in number mode).
        everyMode(attacks, "specks-1m", Expect.READ_OR_REFUSED, "image/png", AttackImages.specks(side, 4, 1));
        // 3x3 specks every 8 pixels: components that survive number mode's shrinking.
        everyMode(attacks, "specks-dense", Expect.READ_OR_REFUSED, "image/png", AttackImages.specks(side, 8, 3));
        // The review's pictures that cost far more work than pixels (a photo without a digit tried every level; a
        // number's candidates covered the picture a hundred times over): now bounded, read or refused.
        everyMode(attacks, "bars-4px", Expect.READ_OR_REFUSED, "image/png", AttackImages.bars(side, 8, 2));
        everyMode(attacks, "bars-16px", Expect.READ_OR_REFUSED, "image/png", AttackImages.bars(side, 16, 4));
        everyMode(attacks, "checker-3px", Expect.READ_OR_REFUSED, "image/png", AttackImages.checker(side, 3));
        everyMode(attacks, "giant-blob", Expect.READ_OR_REFUSED, "image/png", AttackImages.blob(side));
        everyMode(attacks, "max-size-drawing", Expect.READ_OR_REFUSED, "image/png",
                AttackImages.ring(limits.maxWidth(), limits.maxHeight()));
        everyMode(attacks, "half-size-drawing", Expect.READ_OR_REFUSED, "image/png", AttackImages.ring(side / 2, side / 2));
        everyMode(attacks, "max-size-jpeg", Expect.READ_OR_REFUSED, "image/jpeg", AttackImages.jpegRing(side));
        // Scans of a dozen bytes that each walk every block: 2,000 cost the decoder over a CPU-second.
        everyMode(attacks, "jpeg-scan-bomb", Expect.UNSUPPORTED_IMAGE, "image/jpeg",
                AttackImages.jpegScanBomb(1024, 2_000, 1));
        // Within the scan count, at the largest size: the JDK's reader makes an output pass over every pixel after
        // each scan, so 63 scans of a 4096x4096 colour frame (100 KB) cost 4.7 CPU-seconds. Refused when its 64
        // scans make more passes than the engine allows over an image of limits.max-image-pixels (16).
        int scanned = side / 8 * 8;
        everyMode(attacks, "jpeg-scans-at-max-size", 64L * scanned * scanned > 16L * limits.maxImagePixels()
                ? Expect.UNSUPPORTED_IMAGE : Expect.READ_OR_REFUSED, "image/jpeg",
                AttackImages.jpegScanBomb(scanned, 63, 3));
        // Empty APP1 segments, each of which the JDK's reader appends to a list by walking it: 30,000 cost 4.6 s.
        byte[] segmented = AttackImages.jpegRing(280);
        everyMode(attacks, "jpeg-app-segment-flood", Expect.UNSUPPORTED_IMAGE, "image/jpeg",
                AttackImages.jpegWithEmptySegments(segmented, Math.min(50_000,
                        (int) (Math.min(limits.maxPayloadBytes(), 64 << 20) - segmented.length - 4096) / 4)));
        // A 28x28 GIF frame whose codes the JDK's reader writes out as 3,839-pixel strings or resets its table at:
        // a megabyte of them cost 10 and 0.3 CPU-seconds.
        int gifBytes = Math.min(1 << 20, (int) Math.min(limits.maxPayloadBytes(), 64 << 20) - 4096);
        everyMode(attacks, "gif-lzw-longest-strings", Expect.UNSUPPORTED_IMAGE, "image/gif",
                AttackImages.gifLongestStrings(gifBytes));
        everyMode(attacks, "gif-clear-codes", Expect.UNSUPPORTED_IMAGE, "image/gif",
                AttackImages.gifClearCodes(gifBytes));
        // Blocks the JDK's reader walks one by one however short: 7 MB of 5-byte comments before a 28x28 frame, or
        // of 1-byte sub-blocks of a 1024x1024 frame's data, cost 0.4-0.6 CPU-seconds for one token.
        everyMode(attacks, "gif-comment-flood", Expect.UNSUPPORTED_IMAGE, "image/gif",
                AttackImages.gifCommentFlood(gifBytes));
        everyMode(attacks, "gif-one-byte-sub-blocks", Expect.UNSUPPORTED_IMAGE, "image/gif",
                AttackImages.gifOneByteSubBlocks(gifBytes));
        everyMode(attacks, "max-width-strip", Expect.READ_OR_REFUSED, "image/png",
                AttackImages.ring(limits.maxWidth(), 28));
        everyMode(attacks, "over-max-width", Expect.REFUSED, "image/png",
                AttackImages.declaredOnly(limits.maxWidth() + 1, 28));
        everyMode(attacks, "declared-65535-squared", Expect.REFUSED, "image/png",
                AttackImages.declaredOnly(65_535, 65_535));
        byte[] png = AttackImages.ring(280, 280);
        everyMode(attacks, "truncated-png", Expect.REFUSED, "image/png", java.util.Arrays.copyOf(png, png.length / 2));
        everyMode(attacks, "random-bytes-as-png", Expect.REFUSED, "image/png", random(50_000, 1));
        // A turned 16-bit picture: kept originals are copied upright by decoding them whole, outside the decode
        // budget (at 4096x4096 269 MB and 2 s each: the heap filled). Sent unstored and stored.
        byte[] turned = AttackImages.turnedDeepColour(side);
        everyMode(attacks, "turned-16-bit-png", Expect.READ_OR_REFUSED, "image/png", turned);
        add(attacks, "turned-16-bit-png-stored", Expect.READ_OR_REFUSED, "POST", RECOGNITIONS, "image/png", turned);
        // 140 bytes of BMP wrapping a PNG, claiming a 2 GB image: the JDK's reader allocated it (OutOfMemoryError,
        // the instance no longer live).
        everyMode(attacks, "bmp-embedded-png-2gb", Expect.REFUSED, "image/bmp",
                AttackImages.bmpWrappingPng(28, 28, AttackImages.ring(28, 28), 0x7FFF_FFF0));
    }

    /**
     * Valid ink whose drawing is the attack ({@link AttackInks}), in every mode. A few points under a surface-wide
     * pen cost little at the model's 28x28 (digit and number mode may read them) and are refused on expression
     * mode's surface; long random segments are refused in every mode, as is a pen wider than the surface, one too
     * fine to scale and one too fine to leave ink.
     */
    private static void inks(List<Attack> attacks, InputLimits limits) {
        String hugePen = AttackInks.hugePen();
        for (String mode : MODES) {
            add(attacks, "ink-huge-pen-" + mode, mode.equals("expression") ? Expect.INK_TOO_LARGE
                    : Expect.READ_OR_REFUSED, "POST", RECOGNITIONS + "?mode=" + mode + "&store=false",
                    "application/json", inkBody(hugePen));
        }
        // Within the work limit wherever drawn, so read; stored, each picture of it is charged by its drawing work.
        everyMode(attacks, "ink-costly-picture", Expect.READ_OR_REFUSED, "application/json",
                inkBody(AttackInks.costlyPicture()));
        everyMode(attacks, "ink-long-random-segments", Expect.INK_TOO_LARGE, "application/json",
                inkBody(AttackInks.longRandomSegments(limits)));
        everyMode(attacks, "ink-pen-wider-than-surface", Expect.INK_TOO_LARGE, "application/json",
                inkBody(AttackInks.penWiderThanSurface()));
        everyMode(attacks, "ink-vanishing-pen", Expect.REFUSED, "application/json",
                inkBody(AttackInks.vanishingPen()));
        everyMode(attacks, "ink-faintest-pen", Expect.REFUSED, "application/json",
                inkBody(AttackInks.faintestPen(limits)));
        // Read the same in every mode, before any drawing: sent once.
        add(attacks, "ink-huge-times-rewritten", Expect.READ_OR_REFUSED, "POST", RECOGNITIONS + "?store=false",
                "application/json", inkBody(AttackInks.hugeTimesRewritten(limits)));
    }

    private static byte[] inkBody(String ink) {
        return ("{\"ink\":" + ink + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private static void json(List<Attack> attacks, int limit) {
        int depth = limit / 2 - 32;
        add(attacks, "json-deep-arrays", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                ("{\"pixels\": " + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.US_ASCII));
        int objects = (limit - 64) / 8;
        add(attacks, "json-deep-objects", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                ("{\"image\": " + "{\"a\":".repeat(objects) + "1" + "}".repeat(objects) + "}")
                        .getBytes(StandardCharsets.US_ASCII));
        add(attacks, "json-deep-unclosed", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                "[".repeat(limit - 16).getBytes(StandardCharsets.US_ASCII));
        StringBuilder pixels = new StringBuilder("{\"pixels\": [0");
        while (pixels.length() < limit - 16) {
            pixels.append(",0.5");
        }
        add(attacks, "json-huge-pixels", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                pixels.append("]}").toString().getBytes(StandardCharsets.US_ASCII));
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; keys.length() < limit - 32; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        add(attacks, "json-many-keys", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                keys.append('}').toString().getBytes(StandardCharsets.US_ASCII));
        add(attacks, "json-duplicate-image-keys", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                ("{" + "\"image\":\"x\",".repeat((limit - 32) / 12) + "\"image\":\"x\"}")
                        .getBytes(StandardCharsets.US_ASCII));
        String huge = "1" + "0".repeat(100_000);
        add(attacks, "json-huge-numbers", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                ("{\"pixels\": [" + (huge + ",").repeat(15) + "1e999999999]}").getBytes(StandardCharsets.US_ASCII));
        add(attacks, "json-long-string", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                ("{\"image\": \"" + "\\u0041".repeat((limit - 32) / 6) + "\"}").getBytes(StandardCharsets.US_ASCII));
        byte[] invalid = "{\"image\": \"data:image/png;base64,\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        add(attacks, "json-invalid-utf8", Expect.REFUSED, "POST", RECOGNITIONS, "application/json", invalid);
        add(attacks, "json-options-out-of-range", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                ("{\"pixels\": [0], \"mode\": \"" + "x".repeat(10_000) + "\", \"model\": {\"a\": [1, 2]}}")
                        .getBytes(StandardCharsets.US_ASCII));
    }

    private static void base64(List<Attack> attacks, int limit) {
        String prefix = "{\"image\": \"data:image/png;base64,";
        String suffix = "\"}";
        int room = limit - prefix.length() - suffix.length();
        // At the limit: a PNG signature, then noise - the largest body the server reads, valid base64 (JSON
        // whitespace after the document fills the last bytes up to the limit).
        byte[] picture = random(room / 4 * 3, 2);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, picture, 0, 8);
        String encoded = Base64.getEncoder().encodeToString(picture);
        String atLimit = prefix + encoded + suffix;
        add(attacks, "base64-at-limit", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                (atLimit + " ".repeat(limit - atLimit.length())).getBytes(StandardCharsets.US_ASCII));
        add(attacks, "base64-over-limit", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                (atLimit + " ".repeat(limit - atLimit.length() + 1)).getBytes(StandardCharsets.US_ASCII));
        // A small PNG that declares the most pixels there are, in a data URL.
        add(attacks, "base64-declared-bomb", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                (prefix + Base64.getEncoder().encodeToString(AttackImages.declaredOnly(65_535, 65_535)) + suffix)
                        .getBytes(StandardCharsets.US_ASCII));
        add(attacks, "base64-not-base64", Expect.REFUSED, "POST", RECOGNITIONS, "application/json",
                (prefix + "!!!!".repeat(10_000) + suffix).getBytes(StandardCharsets.US_ASCII));
        byte[] raw = random(limit + 1, 3);
        add(attacks, "raw-body-over-limit", Expect.REFUSED, "POST", RECOGNITIONS, "image/png", raw);
    }

    private static void multipart(List<Attack> attacks) {
        String boundary = "attack-boundary";
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i < 5_000; i++) {
            many.writeBytes(("--" + boundary + CRLF + "Content-Disposition: form-data; name=\"f" + i + "\"" + CRLF + CRLF
                    + "x" + CRLF).getBytes(StandardCharsets.US_ASCII));
        }
        many.writeBytes(("--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII));
        String type = "multipart/form-data; boundary=" + boundary;
        add(attacks, "multipart-5000-parts", Expect.REFUSED, "POST", RECOGNITIONS, type, many.toByteArray());
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        byte[] png = AttackImages.ring(56, 56);
        for (int i = 0; i < 3_000; i++) {
            images.writeBytes(("--" + boundary + CRLF + "Content-Disposition: form-data; name=\"image\"; filename=\"d.png\""
                    + CRLF + "Content-Type: image/png" + CRLF + CRLF).getBytes(StandardCharsets.US_ASCII));
            images.writeBytes(png);
            images.writeBytes(CRLF.getBytes(StandardCharsets.US_ASCII));
        }
        images.writeBytes(("--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII));
        // Thousands of image fields: refused (a form has one image and at most a few parts), never read.
        add(attacks, "multipart-3000-images", Expect.REFUSED, "POST", RECOGNITIONS, type, images.toByteArray());
        StringBuilder headers = new StringBuilder("--" + boundary + CRLF);
        for (int i = 0; headers.length() < 1_000_000; i++) {
            headers.append("X-Part-Header-").append(i).append(": v").append(CRLF);
        }
        headers.append("Content-Disposition: form-data; name=\"image\"").append(CRLF).append(CRLF).append("x")
                .append(CRLF).append("--").append(boundary).append("--").append(CRLF);
        add(attacks, "multipart-huge-part-head", Expect.REFUSED, "POST", RECOGNITIONS, type,
                headers.toString().getBytes(StandardCharsets.US_ASCII));
        add(attacks, "multipart-unterminated", Expect.REFUSED, "POST", RECOGNITIONS, type,
                ("--" + boundary + CRLF + "Content-Disposition: form-data; name=\"image\"" + CRLF + CRLF
                        + "x".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
        add(attacks, "multipart-no-boundary", Expect.REFUSED, "POST", RECOGNITIONS, "multipart/form-data",
                many.toByteArray());
    }

    private static void methods(List<Attack> attacks) {
        for (String method : List.of("FOO", "PATCH", "DELETE", "TRACE", "PROPFIND", "BREW")) {
            add(attacks, "method-" + method, Expect.REFUSED, method, RECOGNITIONS, null, new byte[0]);
        }
        add(attacks, "method-put-collection", Expect.REFUSED, "PUT", RECOGNITIONS, "application/json",
                "{\"label\": 7}".getBytes(StandardCharsets.US_ASCII));
        add(attacks, "method-unknown-with-body", Expect.REFUSED, "XPOST", RECOGNITIONS, "image/png",
                AttackImages.specks(1024, 4, 1));
    }

    private static void contentTypes(List<Attack> attacks) {
        byte[] png = AttackImages.ring(280, 280);
        add(attacks, "type-text-plain", Expect.REFUSED, "POST", RECOGNITIONS, "text/plain", png);
        add(attacks, "type-svg", Expect.REFUSED, "POST", RECOGNITIONS, "image/svg+xml",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(50_000) + "</svg>")
                        .getBytes(StandardCharsets.US_ASCII));
        add(attacks, "type-form-urlencoded", Expect.REFUSED, "POST", RECOGNITIONS, "application/x-www-form-urlencoded",
                ("image=" + "%41".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
        add(attacks, "type-json-with-png-body", Expect.REFUSED, "POST", RECOGNITIONS, "application/json", png);
        add(attacks, "type-png-with-json-body", Expect.REFUSED, "POST", RECOGNITIONS, "image/png",
                "{\"pixels\": [0]}".getBytes(StandardCharsets.US_ASCII));
        add(attacks, "type-garbage", Expect.REFUSED, "POST", RECOGNITIONS, "}}{{;;==//", png);
        add(attacks, "type-long-parameters", Expect.REFUSED, "POST", RECOGNITIONS,
                "image/x-evil" + "; p=v".repeat(1_500), png);
        add(attacks, "type-missing", Expect.REFUSED, "POST", RECOGNITIONS, null, png);
    }

    private static void protocol(List<Attack> attacks, int limit) {
        raw(attacks, "http-1.0", "GET /observe/health/live HTTP/1.0" + CRLF + CRLF);
        raw(attacks, "malformed-request-line", "THIS IS NOT HTTP" + CRLF + CRLF);
        raw(attacks, "headers-64k", "GET /api/v1/models HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "X-Big: "
                + "x".repeat(64 * 1024) + CRLF + CRLF);
        StringBuilder many = new StringBuilder("GET /api/v1/models HTTP/1.1" + CRLF + "Host: localhost" + CRLF);
        for (int i = 0; i < 5_000; i++) {
            many.append("X-H").append(i).append(": v").append(CRLF);
        }
        raw(attacks, "headers-5000", many.append(CRLF).toString());
        raw(attacks, "request-line-64k", "GET /" + "a".repeat(64 * 1024) + " HTTP/1.1" + CRLF + "Host: x" + CRLF + CRLF);
        raw(attacks, "content-length-negative", "POST " + RECOGNITIONS + " HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                + "Content-Type: image/png" + CRLF + "Content-Length: -5" + CRLF + "Connection: close" + CRLF + CRLF);
        raw(attacks, "content-length-huge", "POST " + RECOGNITIONS + " HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                + "Content-Type: image/png" + CRLF + "Content-Length: 99999999999999" + CRLF + CRLF);
        StringBuilder chunked = new StringBuilder("POST " + RECOGNITIONS + " HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                + "Content-Type: image/png" + CRLF + "Transfer-Encoding: chunked" + CRLF + "Connection: close" + CRLF
                + CRLF);
        String piece = "x".repeat(65_536);
        for (int sent = 0; sent <= limit; sent += piece.length()) {
            chunked.append(Integer.toHexString(piece.length())).append(CRLF).append(piece).append(CRLF);
        }
        raw(attacks, "chunked-over-limit", chunked.append("0").append(CRLF).append(CRLF).toString());
        add(attacks, "query-5000-parameters", Expect.REFUSED, "POST",
                RECOGNITIONS + "?" + "mode=number&".repeat(600) + "mode=bogus", "image/png", AttackImages.ring(280, 280));
        add(attacks, "client-id-malformed", Expect.REFUSED, "GET", RECOGNITIONS, null, new byte[0],
                "X-Client-Id: " + "\u00e9/\\".repeat(50));
        add(attacks, "cursor-forged", Expect.REFUSED, "GET", RECOGNITIONS + "?limit=100000&cursor=%00%ff"
                + "A".repeat(2_000), null, new byte[0]);
        // The last 100 MB of a page file a few KB long: Helidon's static content seeked to a negative position (500).
        add(attacks, "range-suffix-beyond-file", Expect.REFUSED, "GET", "/", null, new byte[0],
                "Range: bytes=-100000000");
        // Refusals Helidon's metrics feature answered itself, with no body and no type.
        add(attacks, "metrics-unknown-scope", Expect.REFUSED, "GET", "/observe/metrics?scope=" + "s".repeat(1_000),
                null, new byte[0]);
        add(attacks, "metrics-accept-xml", Expect.REFUSED, "GET", "/observe/metrics", null, new byte[0],
                "Accept: application/xml");
        add(attacks, "path-traversal", Expect.REFUSED, "GET", "/api/v1/recognitions/..%2f..%2f..%2fetc%2fpasswd", null,
                new byte[0]);
        add(attacks, "unknown-model", Expect.REFUSED, "POST", RECOGNITIONS + "?model=" + "m".repeat(3_000) + ":9",
                "image/png", AttackImages.ring(280, 280));
    }

    private static void everyMode(List<Attack> attacks, String name, Expect expect, String type, byte[] body) {
        for (String mode : MODES) {
            add(attacks, name + "-" + mode, expect, "POST", RECOGNITIONS + "?mode=" + mode + "&store=false", type, body);
        }
    }

    private static void add(List<Attack> attacks, String name, Expect expect, String method, String target,
                            String contentType, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1").append(CRLF)
                .append("Host: localhost").append(CRLF).append("Connection: close").append(CRLF);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append(CRLF);
        }
        for (String header : headers) {
            head.append(header).append(CRLF);
        }
        if (body.length > 0 || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append(CRLF);
        }
        byte[] headBytes = head.append(CRLF).toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        attacks.add(new Attack(name, expect, request));
    }

    private static void raw(List<Attack> attacks, String name, String request) {
        attacks.add(new Attack(name, Expect.REFUSED, request.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static byte[] random(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
