package io.mathsketch.engine.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckoutTest {

    @Test
    void findsTheRepositoryRootFromAModuleFolder() {
        assertTrue(Files.isRegularFile(Checkout.root().resolve("mvnw")), "the root holds the Maven wrapper");
        assertEquals(Checkout.root().resolve("models"), Checkout.models());
        assertTrue(Files.isRegularFile(Checkout.models().resolve("mnist-cnn/manifest.json")));
    }

    @Test
    void aMissingFolderIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Checkout.folder("data/no-such"));
        assertTrue(e.getMessage().contains("data/no-such"), e.getMessage());
    }
}
