package io.mathsketch.corpus.fonts;

import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fonts' packages are installed where the project says: by {@code .ci/run} and in the README's prerequisites. */
class DigitFontTest {

    @Test
    void ciAndReadmeNameEveryFontPackage() throws Exception {
        String ci = Files.readString(Checkout.root().resolve(".ci/run"));
        String readme = Files.readString(Checkout.root().resolve("README.md"));
        List<String> packages = DigitFont.packages();
        assertEquals(List.of(), packages.stream().filter(p -> !names(ci, p)).toList(),
                ".ci/run installs every font package");
        assertEquals(List.of(), packages.stream().filter(p -> !names(readme, p)).toList(),
                "README names every font package");
    }

    /** Whether {@code text} has {@code name} as a whole word (not a longer package's prefix or suffix). */
    private static boolean names(String text, String name) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(text).find();
    }

    @Test
    void aMissingFontIsNamedWithItsPackage() {
        String message = DigitFont.missingMessage(List.of(DigitFont.STEVE, DigitFont.DELPHINE));
        assertTrue(message.contains("\"Steve\"") && message.contains("\"Delphine\"")
                && message.endsWith("'apt-get install -y fonts-sjfonts'"), message);
    }
}
