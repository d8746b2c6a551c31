package io.mathsketch.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

    @Test
    void noArgumentsGiveTheDefaults() {
        assertEquals(TrainingOptions.defaults(), TrainingOptions.parse());
        assertEquals(Path.of("models/mnist-cnn"), TrainingOptions.defaults().output());
    }

    @Test
    void everyOptionIsParsed() {
        TrainingOptions o = TrainingOptions.parse("--epochs", "3", "--batch-size", "64", "--learning-rate", "0.01",
                "--seed", "7", "--output", "out", "--train-limit", "500", "--threads", "2", "--no-augment",
                "--cache", "c", "--npm", "/usr/bin/npm", "--no-determinism-check", "--styled", "440",
                "--paper-share", "0.25", "--init-from", "models/old", "--ones-and-sevens", "500",
                "--flagged-ones", "300", "--photo-share", "0.4");
        assertEquals(new TrainingOptions(3, 64, 0.01f, 7, Path.of("out"), 500, 2, false, Path.of("c"),
                "/usr/bin/npm", false, 440, 0.25, Optional.of(Path.of("models/old")), 500, 300, 0.4), o);
    }

    @Test
    void toArgsReproducesTheOptions() {
        TrainingOptions o = TrainingOptions.parse("--epochs", "5", "--seed", "9", "--no-augment", "--threads", "2",
                "--no-determinism-check", "--styled", "100", "--paper-share", "0.3", "--ones-and-sevens", "40",
                "--flagged-ones", "20", "--photo-share", "0.35");
        TrainingOptions again = TrainingOptions.parse(o.toArgs().toArray(String[]::new));
        assertEquals(o, again);
    }

    @Test
    void invalidValuesNameTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.parse("--epochs", "0"));
        assertTrue(e.getMessage().contains("--epochs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--batch-size", "many"));
        assertTrue(e.getMessage().contains("--batch-size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--learning-rate", "NaN"));
        assertTrue(e.getMessage().contains("--learning-rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--threads"));
        assertTrue(e.getMessage().contains("--threads needs a value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--paper-share", "1.5"));
        assertTrue(e.getMessage().contains("--paper-share"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--styled", "-1"));
        assertTrue(e.getMessage().contains("--styled"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--ones-and-sevens", "-5"));
        assertTrue(e.getMessage().contains("--ones-and-sevens"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--flagged-ones", "-1"));
        assertTrue(e.getMessage().contains("--flagged-ones"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse("--colour", "red"));
        assertTrue(e.getMessage().contains("--colour"), e.getMessage());
    }

    @Test
    void augmentationIsOnByDefault() {
        assertTrue(TrainingOptions.defaults().augment());
        assertFalse(TrainingOptions.parse("--no-augment").augment());
    }
}
