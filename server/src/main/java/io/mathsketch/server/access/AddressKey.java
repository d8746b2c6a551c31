package io.mathsketch.server.access;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key every per-address limit counts a client under (rate limits, the share of the decode budget): an IPv4
 * address as it is, an IPv6 address by its /64 prefix, and an IPv4-mapped IPv6 address as the IPv4 address it maps.
 * One IPv6 subscriber is usually given a whole /64 (2^64 addresses), so keyed by the full address it could take a
 * fresh bucket for every request.
 */
final class AddressKey {

    private static final Pattern IPV4_WITH_PORT = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}:[0-9]{1,5}");

    private AddressKey() {
    }

    static String of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (ipv4Mapped(b)) {
                return (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
            }
            return Integer.toHexString(hextet(b, 0)) + ":" + Integer.toHexString(hextet(b, 2)) + ":"
                    + Integer.toHexString(hextet(b, 4)) + ":" + Integer.toHexString(hextet(b, 6)) + "::/64";
        }
        return address.getHostAddress();
    }

    /**
     * The key of an address written as text (an {@code X-Forwarded-For} entry): an IPv6 literal, bracketed or not,
     * with or without a zone, is keyed by its /64, and an IPv4 address by itself; a port after either (some proxies
     * append the client's, which changes with every connection) is dropped; anything else is kept as written. Never a
     * name lookup: only text of hex digits, dots and colons is parsed, which the JDK reads as a literal or refuses.
     */
    static String of(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.indexOf(']') > 0) {
            s = s.substring(1, s.indexOf(']'));
        } else if (IPV4_WITH_PORT.matcher(s).matches()) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (s.indexOf(':') < 0) {
            return s;
        }
        int zone = s.indexOf('%');
        String literal = zone < 0 ? s : s.substring(0, zone);
        if (!literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return s;
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            return address instanceof Inet4Address || address instanceof Inet6Address ? of(address) : s;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return s;
        }
    }

    private static boolean ipv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    private static int hextet(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
    }
}
