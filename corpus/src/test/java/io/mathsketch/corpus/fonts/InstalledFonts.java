package io.mathsketch.corpus.fonts;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test reading the installed fonts does when some are missing: fails naming the apt packages if
 * {@code MATHSKETCH_REQUIRE_FONTS=1} (as {@code .ci/run} sets after installing them), and is otherwise skipped with a
 * warning in the build output.
 */
public final class InstalledFonts {

    private InstalledFonts() {
    }

    /** Call from a test's {@code @BeforeAll}; {@code test} names it in the message. */
    public static void require(String test) {
        List<DigitFont> missing = DigitFont.missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = test + ": " + DigitFont.missingMessage(missing);
        if ("1".equals(System.getenv("MATHSKETCH_REQUIRE_FONTS"))) {
            fail(message + " (MATHSKETCH_REQUIRE_FONTS=1)");
        }
        System.out.println("[WARNING] SKIPPED " + message);
        System.err.println("[WARNING] SKIPPED " + message);
        assumeTrue(false, message);
    }
}
