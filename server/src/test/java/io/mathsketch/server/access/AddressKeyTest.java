package io.mathsketch.server.access;

import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AddressKeyTest {

    @Test
    void ipv6CountsByItsSlash64AndIpv4ByItsAddress() throws UnknownHostException {
        assertEquals("2001:db8:1:2::/64", AddressKey.of(InetAddress.getByName("2001:db8:1:2::1")));
        assertEquals(AddressKey.of(InetAddress.getByName("2001:db8:1:2:ffff:ffff:ffff:ffff")),
                AddressKey.of(InetAddress.getByName("2001:db8:1:2::1")), "one /64, one key");
        assertNotEquals(AddressKey.of(InetAddress.getByName("2001:db8:1:3::1")),
                AddressKey.of(InetAddress.getByName("2001:db8:1:2::1")), "the next /64 is another key");
        assertEquals("203.0.113.7", AddressKey.of(InetAddress.getByName("203.0.113.7")));
        assertNotEquals(AddressKey.of(InetAddress.getByName("203.0.113.8")),
                AddressKey.of(InetAddress.getByName("203.0.113.7")), "IPv4: every address its own key");
        assertEquals("0:0:0:0::/64", AddressKey.of(InetAddress.getByName("::1")));
    }

    @Test
    void ipv4MappedIpv6IsItsIpv4Address() throws UnknownHostException {
        // Built as an Inet6Address (the JDK's parser would already turn the text into an IPv4 address).
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 203, 0, 113, 7};
        assertEquals("203.0.113.7", AddressKey.of(Inet6Address.getByAddress(null, mapped, -1)));
    }

    @Test
    void forwardedTextIsKeyedTheSameWayWithoutANameLookup() {
        assertEquals("2001:db8:1:2::/64", AddressKey.of(" 2001:db8:1:2:aaaa::9 "));
        assertEquals("2001:db8:1:2::/64", AddressKey.of("[2001:db8:1:2::9]"));
        assertEquals("2001:db8:1:2::/64", AddressKey.of("[2001:db8:1:2::9]:443"));
        assertEquals("2001:db8:1:2::/64", AddressKey.of("2001:db8:1:2::9%eth0"));
        assertEquals("203.0.113.7", AddressKey.of("::ffff:203.0.113.7"));
        assertEquals("203.0.113.7", AddressKey.of("203.0.113.7"));
        // With the client's port, as some proxies append it (Azure Application Gateway): one key for all its
        // connections, as for a bracketed IPv6 address's, not one per source port.
        assertEquals("203.0.113.7", AddressKey.of("203.0.113.7:51234"));
        assertEquals("203.0.113.7", AddressKey.of(" 203.0.113.7:1 "));
        // Not literals: kept as written, never resolved.
        assertEquals("unknown", AddressKey.of("unknown"));
        assertEquals("host.example:80", AddressKey.of("host.example:80"));
        assertEquals("zz:1", AddressKey.of("zz:1"));
    }
}
