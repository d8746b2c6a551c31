package io.mathsketch.training.corrections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrectionMixtureTest {

    @Test
    void fewCorrectionsGetTheirFullWeight() {
        CorrectionMixture m = CorrectionMixture.of(100, 77_600, 10, 0.1);
        assertEquals(100, m.used());
        assertEquals(10, m.copies());
        assertEquals(1000.0 / 78_600, m.share(), 1e-12);
    }

    @Test
    void theShareCapsTheWeight() {
        CorrectionMixture m = CorrectionMixture.of(2_000, 77_600, 10, 0.1);
        assertEquals(2_000, m.used());
        assertEquals(4, m.copies(), "8,622 corrections at most: 4 copies of 2,000");
        assertTrue(m.share() <= 0.1);
    }

    @Test
    void aFloodOfCorrectionsIsCutToTheShare() {
        CorrectionMixture m = CorrectionMixture.of(50_000, 10_000, 10, 0.1);
        assertEquals(1_111, m.used());
        assertEquals(1, m.copies());
        assertTrue(m.share() <= 0.1, "share " + m.share());
    }

    @Test
    void nextVersionCountsUp() {
        assertEquals("1.1.1", CorrectionLoop.nextVersion("1.1.0"));
        assertEquals("1.1.10", CorrectionLoop.nextVersion("1.1.9"));
        assertEquals("2024-rc.1", CorrectionLoop.nextVersion("2024-rc"));
    }

    @Test
    void h2FilesAreOpenedReadOnlyAndPasswordsNeverShown() {
        assertEquals("jdbc:h2:file:/srv/db;ACCESS_MODE_DATA=r", CorrectionExport.readOnly("jdbc:h2:file:/srv/db"));
        assertEquals("jdbc:postgresql://h/db", CorrectionExport.readOnly("jdbc:postgresql://h/db"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***",
                CorrectionExport.shown("jdbc:postgresql://h/db?user=u&password=secret"));
    }

    @Test
    void numberCorrectionsYieldTheDigitsThatDiffer() {
        byte[] pixels = new byte[3 * 784];
        pixels[784 + 5] = 9;
        var found = CorrectionExport.corrections("id", "number", "171", "111", pixels, "m", "1");
        assertEquals(1, found.size());
        assertEquals(1, found.getFirst().position());
        assertEquals(7, found.getFirst().predicted());
        assertEquals(9, found.getFirst().pixels()[5]);
        assertTrue(CorrectionExport.corrections("id", "number", "171", "11", pixels, "m", "1").isEmpty());
        assertTrue(CorrectionExport.corrections("id", "digit", "7", "x", new byte[784], "m", "1").isEmpty());
    }
}
