package io.mathsketch.corpus.fonts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The font number sets: the same numbers every run, the spacings in turn, and no font both tuned on and held out. */
class FontNumbersTest {

    @BeforeAll
    static void fontsInstalled() {
        InstalledFonts.require("Font numbers test");
    }

    @Test
    void tuningAndHeldOutFontsAreDisjointAndCoverEveryFont() {
        List<DigitFont> both = new ArrayList<>(FontNumberConfig.TUNING.fonts());
        both.addAll(FontNumberConfig.TEST.fonts());
        assertEquals(Arrays.asList(DigitFont.values()), both.stream().sorted().toList());
    }

    @Test
    void aNumberIsTheSameEveryTimeWithItsDigitsAndSpacing() {
        FontNumbers set = new FontNumbers(FontNumberConfig.TEST);
        for (int i = 0; i < 6; i++) {
            FontNumber n = set.number(DigitFont.BREIP, i);
            assertArrayEquals(n.png(), new FontNumbers(FontNumberConfig.TEST).number(DigitFont.BREIP, i).png());
            assertTrue(n.text().matches("[1-9][0-9]{1,7}"), n.toString());
            assertEquals(Spacing.values()[i % 3], n.spacing());
        }
    }
}
