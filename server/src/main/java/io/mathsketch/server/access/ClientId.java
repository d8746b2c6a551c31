package io.mathsketch.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An anonymous caller: a random id the server gives each browser in a cookie, or one an API client chooses and sends
 * as {@value #HEADER}. Whoever holds it sees the recognitions posted with it, so it is a secret: long enough not to
 * be guessed, and stored only as its SHA-256 ({@link #ownerKey()}), so a copy of the database does not hand out the
 * cookies that unlock it.
 *
 * @param value the id as the client sends it
 */
public record ClientId(String value) {

    public static final String HEADER = "X-Client-Id";
    public static final String COOKIE = "mathsketch_client";
    /** What a client may choose: URL-safe characters, at least 16 of them (a UUID is fine). */
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._~-]{16,128}");
    static final String FORMAT_TEXT = "16 to 128 characters from A-Z a-z 0-9 . _ ~ -";
    private static final int RANDOM_BYTES = 18;
    /**
     * Cloned for each key: {@code MessageDigest.getInstance} looks the algorithm up among the security providers and
     * builds it reflectively on every call, which every recognition paid.
     */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public ClientId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a client id is " + FORMAT_TEXT);
        }
    }

    /** The id when the text is a well-formed one. */
    static Optional<ClientId> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new ClientId(text)) : Optional.empty();
    }

    /** A fresh id with 144 random bits. */
    static ClientId generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ClientId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** What the database keeps as the owner of a row: the hex SHA-256 of the id. */
    public String ownerKey() {
        try {
            MessageDigest sha256 = (MessageDigest) SHA_256.clone();
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    @Override
    public String toString() {
        return "ClientId[redacted]";
    }
}
