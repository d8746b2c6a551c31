package io.mathsketch.server.access;

import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a proxy that terminates TLS the server sees plain HTTP; {@code server.secure-cookie} makes the client-id
 * cookie {@code Secure} all the same (plain HTTP by default: {@code RequestRulesTest}).
 */
class SecureCookieTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of("server.secure-cookie", "true"));

    @Test
    void theCookieIsSecureBehindATlsTerminatingProxy() {
        String cookie = SERVER.http().asBrowser().withHeader("X-Forwarded-Proto", "https").get("/")
                .header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("mathsketch_client="), cookie);
        assertTrue(cookie.contains("; Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }
}
