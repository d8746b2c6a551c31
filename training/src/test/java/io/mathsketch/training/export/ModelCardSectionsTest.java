package io.mathsketch.training.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelCardSectionsTest {

    @Test
    void retrainingKeepsSectionsOthersAddedAndReplacesItsOwn() {
        String previous = """
                # Model card: mnist-cnn 1.0.0

                ## Data

                old data

                ## Realistic test sets

                | Set | Accuracy |
                |---|---|
                | photos | 97% |
                """;
        String card = "# Model card: mnist-cnn 1.1.0\n\n## Data\n\nnew data\n";
        assertEquals("# Model card: mnist-cnn 1.1.0\n\n## Data\n\nnew data\n\n## Realistic test sets\n\n"
                + "| Set | Accuracy |\n|---|---|\n| photos | 97% |\n", ModelCardWriter.keepingOtherSections(card, previous));
        assertEquals(card, ModelCardWriter.keepingOtherSections(card, ""));
    }
}
