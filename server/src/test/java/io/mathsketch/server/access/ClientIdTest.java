package io.mathsketch.server.access;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientIdTest {

    @Test
    void generatedIdsAreDistinctAndValidClientIds() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ClientId id = ClientId.generate(random);
            assertEquals(Optional.of(id), ClientId.parse(id.value()));
            assertTrue(seen.add(id.value()), "fresh ids never repeat");
        }
    }

    @Test
    void theStoredOwnerKeyIsADigestNotTheSecret() {
        ClientId id = new ClientId("0123456789abcdef-secret");
        String key = id.ownerKey();
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertFalse(key.contains(id.value()));
        assertEquals(key, new ClientId(id.value()).ownerKey(), "the same id always owns the same rows");
        assertNotEquals(key, new ClientId("0123456789abcdef-secreT").ownerKey());
        assertFalse(id.toString().contains(id.value()), "never logged by accident");
    }

    @Test
    void guessableOrMalformedIdsAreRefused() {
        assertEquals(Optional.empty(), ClientId.parse("short"));
        assertEquals(Optional.empty(), ClientId.parse("has spaces in it, 0123456789"));
        assertEquals(Optional.empty(), ClientId.parse("x".repeat(129)));
        assertEquals(Optional.empty(), ClientId.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new ClientId("short"));
        assertTrue(ClientId.parse("550e8400-e29b-41d4-a716-446655440000").isPresent(), "a UUID is fine");
    }
}
