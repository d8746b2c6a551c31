package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.CompleteMnistTest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The number generator: deterministic, every kind and source, broken digits really in pieces, held-out set apart. */
class NumberWriterTest {

    private final NumberWriter writer = new NumberWriter(NumberConfig.TEST, CompleteMnistTest.IMAGES,
            CompleteMnistTest.LABELS);

    @Test
    void theSameNumberIsWrittenTheSameWay() {
        WrittenNumber a = writer.number(17), b = new NumberWriter(NumberConfig.TEST, CompleteMnistTest.IMAGES,
                CompleteMnistTest.LABELS).number(17);
        assertEquals(a.text(), b.text());
        assertArrayEquals(a.png(), b.png());
    }

    @Test
    void kindsAndSourcesTakeTurnsAndNumbersHaveTwoToSixDigits() {
        Set<NumberKind> kinds = EnumSet.noneOf(NumberKind.class);
        Set<NumberSource> sources = EnumSet.noneOf(NumberSource.class);
        for (int i = 0; i < 8; i++) {
            WrittenNumber n = writer.number(i);
            kinds.add(n.kind());
            sources.add(n.source());
            assertTrue(n.text().length() >= 2 && n.text().length() <= 6, n.toString());
            assertEquals(n.text().length(), n.boxes().size());
        }
        assertEquals(EnumSet.allOf(NumberKind.class), kinds);
        assertEquals(EnumSet.allOf(NumberSource.class), sources);
    }

    @Test
    void brokenNumbersHoldABrokenDigit() {
        int broken = 0, numbers = 0;
        for (int i = 1; i < 200; i += 4) {
            WrittenNumber n = writer.number(i);
            assertEquals(NumberKind.BROKEN, n.kind());
            numbers++;
            broken += n.sources().stream().anyMatch(s -> s.endsWith("broken")) ? 1 : 0;
        }
        assertTrue(broken >= 0.9 * numbers, broken + " of " + numbers + " broken-kind numbers have a broken digit");
    }

    @Test
    void theTestSetUsesOtherMnistDigitsThanTheTuningSet() {
        assertTrue(NumberConfig.TUNING.mnistTo() <= NumberConfig.TEST.mnistFrom());
        assertFalse(NumberConfig.TUNING.seed() == NumberConfig.TEST.seed());
        assertFalse(NumberConfig.TUNING.hand().seed() == NumberConfig.TEST.hand().seed());
    }
}
