package io.mathsketch.engine.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionMatrixTest {

    @Test
    void countsPairsAndAccuracy() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"));
        m.add(0, 0);
        m.add(0, 1);
        m.add(1, 1);
        m.add(1, 1);
        assertEquals(0.75, m.accuracy(), 1e-12);
        assertEquals(1, m.count(0, 1));
        assertEquals(2, m.count(1, 1));
        String[] rows = m.render().split("\n");
        assertEquals(3, rows.length);
        assertTrue(rows[1].matches("a\\s+1\\s+1"), rows[1]);
        assertTrue(rows[2].matches("b\\s+0\\s+2"), rows[2]);
    }
}
