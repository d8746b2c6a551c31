package io.mathsketch.training.styles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StyledVariantsTest {

    private final StyledVariants training = new StyledVariants(HandConfig.TRAINING);

    @Test
    void bothPathsGiveInkedCentredDigitsAndAreDeterministic() {
        for (RenderPath path : RenderPath.values()) {
            StyledSample a = training.draw(DigitStyle.SEVEN_CROSSED, 3, path);
            StyledSample b = training.draw(DigitStyle.SEVEN_CROSSED, 3, path);
            assertArrayEquals(a.digit().pixels(), b.digit().pixels(), path + " is deterministic");
            float[] p = a.digit().pixels();
            double ink = 0;
            for (float v : p) {
                ink += v;
            }
            assertTrue(ink > 20 && ink < 400, path + ": ink " + ink);
            assertEquals(0f, p[0], path + ": corners stay paper");
            assertEquals(7, a.label());
        }
        assertFalse(Arrays.equals(training.draw(DigitStyle.SEVEN_CROSSED, 3, RenderPath.CANVAS).digit().pixels(),
                training.draw(DigitStyle.SEVEN_CROSSED, 3, RenderPath.PAPER).digit().pixels()));
    }

    @Test
    void poolMixesStylesAndPathsInTheAskedShare() {
        List<StyledSample> pool = training.pool(220, 0.4);
        assertEquals(22, StyledVariants.styles(pool).size());
        long paper = pool.stream().filter(s -> s.path() == RenderPath.PAPER).count();
        assertTrue(paper > 60 && paper < 115, "paper crops: " + paper);
        assertEquals(220, StyledVariants.images(pool).count());
    }

    @Test
    void trainingPoolIsTheStyledPoolThenTheExtraOnesAndSevensThenTheFlaggedOnes() {
        List<StyledSample> pool = StyledVariants.trainingPool(44, 6, 4, 0.5);
        assertEquals(54, pool.size());
        assertEquals(training.pool(44, 0.5).stream().map(StyledSample::style).toList(),
                pool.subList(0, 44).stream().map(StyledSample::style).toList());
        for (StyledSample extra : pool.subList(44, 50)) {
            assertTrue(extra.label() == 1 || extra.label() == 7, "an extra 1 or 7: " + extra.style());
        }
        assertEquals(List.of(DigitStyle.ONE_FLAG, DigitStyle.SEVEN_PLAIN, DigitStyle.ONE_FLAG, DigitStyle.SEVEN_PLAIN),
                pool.subList(50, 54).stream().map(StyledSample::style).toList());
    }

    @Test
    void heldOutDrawingsAreNotTrainingDrawings() {
        StyledVariants heldOut = new StyledVariants(HandConfig.HELD_OUT);
        for (int i = 0; i < 5; i++) {
            assertFalse(Arrays.equals(training.draw(DigitStyle.ONE_CONTINENTAL, i, RenderPath.CANVAS).digit().pixels(),
                    heldOut.draw(DigitStyle.ONE_CONTINENTAL, i, RenderPath.CANVAS).digit().pixels()));
        }
    }
}
