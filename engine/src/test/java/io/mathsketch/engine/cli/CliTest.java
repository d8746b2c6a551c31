package io.mathsketch.engine.cli;

import io.mathsketch.engine.inference.DigitCanvas;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.model.LinearOnnxModel;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    private static MnistSubset subset;
    private static LinearOnnxModel model;

    @TempDir
    static Path models;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeModel() {
        subset = MnistSubset.load();
        model = LinearOnnxModel.classMeans(subset, 1000, "cli-model", "3.0.0", Layout.FLAT, OutputKind.LOGITS,
                InkPolarity.LIGHT_ON_DARK, 0.1307f, 0.3081f, false);
        model.writeTo(models);
    }

    private int run(String... args) {
        return Cli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void evaluatePrintsTheAccuracyTheModelReallyHasAndItsConfusionMatrix() {
        int correct = 0;
        for (int i = 0; i < subset.count(); i++) {
            correct += model.predict(subset.images().digit(i)) == subset.labels().label(i) ? 1 : 0;
        }
        int code = run("evaluate", models.resolve("cli-model").toString(), "--subset",
                MnistSubset.folder().toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains(String.format("accuracy %.4f (%d errors)", correct / 2000.0, 2000 - correct)), text);
        assertTrue(text.contains("true\\pred"), text);
        assertTrue(text.contains("cli-model:3.0.0 on OnnxRuntime cpu()"), text);
    }

    @Test
    void recognizePrintsTheAnswerForAnImageFile() throws Exception {
        int index = 1500;
        Path png = Files.write(models.resolve("digit.png"),
                new DigitCanvas(300, 200).draw(subset.images().digit(index), 120, 40, 140).png());
        int code = run("recognize", png.toString(), "--models-dir", models.toString(), "--model", "cli-model");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("model cli-model:3.0.0 on OnnxRuntime cpu()"), text);
        assertTrue(text.lines().findFirst().orElseThrow().matches("\\d  \\(confidence .*"), text);
    }

    @Test
    void wrongUsageExitsWithTwoAndPrintsTheUsage() {
        assertEquals(2, run("recognise", "x.png"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'recognise'"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
        assertEquals(2, run("evaluate", models.toString(), "--engin", "PyTorch"));
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        // README: "options: scripts/engine-cli.sh --help".
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage:"), out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aModelThatCannotLoadExitsWithOneAndSaysWhy() {
        assertEquals(1, run("evaluate", models.resolve("cli-model").toString(), "--engine", "PyTorch",
                "--subset", MnistSubset.folder().toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no artifact for engine 'PyTorch'"));
    }
}
