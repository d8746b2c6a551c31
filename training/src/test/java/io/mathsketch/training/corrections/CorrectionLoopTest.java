package io.mathsketch.training.corrections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.training.Evaluator;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.MnistTestSet;
import io.mathsketch.training.ModelFolderLoader;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.OnnxClassifier;
import io.mathsketch.training.styles.RenderPath;
import io.mathsketch.training.styles.StyledSample;
import io.mathsketch.training.styles.StyledVariants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correction loop end to end on a small scale, from a real H2 database file with the server's schema: model
 * 1.0.0 (trained on MNIST only, kept as a test resource) reads most continental 1s as 7; users corrected a few
 * hundred of them; one short fine-tune later the new version reads the held-out corrections, and the gate keeps the
 * fixed test sets where they were. A run that ruins the model is refused and writes nothing.
 */
class CorrectionLoopTest {

    /** Corrections in the store: "a few hundred" misread continental 1s. */
    private static final int CORRECTIONS = 240;

    @TempDir
    static Path temp;
    private static String url;
    private static MnistData mnist;
    private static Path base;

    @BeforeAll
    static void storeWithCorrections() throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.offline", "true");
        base = Path.of(CorrectionLoopTest.class.getResource("/mnist-cnn-1.0.0").toURI());
        // Tests never download: the committed MNIST test digits stand in for MNIST here, split so that training and
        // test digits differ (5,000 train the fine-tune, the other 5,000 are the fixed MNIST set: 0.1 point = 5 digits).
        MnistTestSet committed = MnistTestSet.load();
        mnist = new MnistData(slice(committed.images(), 0, 5000), slice(committed.labels(), 0, 5000),
                slice(committed.images(), 5000, 10000), slice(committed.labels(), 5000, 10000));
        // The store stays in target/ after the build: CI runs the documented loop command against it.
        Path storeDir = Path.of("target", "correction-store");
        if (Files.exists(storeDir)) {
            try (var files = Files.walk(storeDir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        url = "jdbc:h2:file:" + storeDir.resolve("mathsketch").toAbsolutePath();
        // Users' hands: neither the training pool's nor the held-out set's.
        StyledVariants users = new StyledVariants(HandConfig.HELD_OUT.withSeed(0xC0FFEEL));
        Evaluator evaluator = new Evaluator(InputNormalization.MNIST);
        try (TestStore store = new TestStore(url); Model old = ModelFolderLoader.load(base)) {
            int corrected = 0;
            for (int i = 0; corrected < CORRECTIONS; i += 50) {
                List<StyledSample> batch = new ArrayList<>();
                for (int j = i; j < i + 50; j++) {
                    batch.add(users.draw(DigitStyle.ONE_CONTINENTAL, j, j % 3 == 0 ? RenderPath.PAPER
                            : RenderPath.CANVAS));
                }
                float[][] logits = evaluator.logits(old, k -> batch.get(k).digit(), 0, batch.size());
                for (int k = 0; k < batch.size() && corrected < CORRECTIONS; k++) {
                    int answer = Evaluator.argMax(logits[k]);
                    byte[] pixels = StyledVariants.images(List.of(batch.get(k))).pixels();
                    if (answer != 1) {
                        store.add("digit", String.valueOf(answer), pixels, "mnist-cnn", "1.0.0", "1");
                        corrected++;
                    } else if (k % 4 == 0) {
                        store.add("digit", "1", pixels, "mnist-cnn", "1.0.0", "1"); // a confirmation
                    } else if (k % 4 == 1) {
                        store.add("digit", "1", pixels, "mnist-cnn", "1.0.0", null); // no feedback
                    }
                }
            }
            // A number whose second digit was misread and corrected, and one whose correction cannot be aligned.
            byte[] two = new byte[2 * 784];
            System.arraycopy(StyledVariants.images(List.of(users.draw(DigitStyle.TWO_PLAIN, 0, RenderPath.CANVAS)))
                    .pixels(), 0, two, 0, 784);
            System.arraycopy(StyledVariants.images(List.of(users.draw(DigitStyle.ONE_CONTINENTAL, 9999,
                    RenderPath.CANVAS))).pixels(), 0, two, 784, 784);
            store.add("number", "27", two, "mnist-cnn", "1.0.0", "21");
            store.add("number", "27", two, "mnist-cnn", "1.0.0", "2");
        }
    }

    @Test
    void exportReadsOnlyCorrectionsWithTheModelThatWasWrong() throws Exception {
        CorrectionExport.Result result = new CorrectionExport(url, "sa", "").read();
        assertEquals(CORRECTIONS + 2, result.correctedRows(), "corrected rows, confirmations and unrated excluded");
        assertEquals(1, result.skippedRows(), "the number correction of another length cannot be aligned");
        assertEquals(CORRECTIONS + 1, result.corrections().size());
        Correction fromNumber = result.corrections().stream().filter(c -> c.position() == 1).findFirst()
                .orElseThrow();
        assertEquals(1, fromNumber.label());
        assertEquals(7, fromNumber.predicted());
        assertTrue(result.corrections().stream().allMatch(c -> c.label() == 1 && c.predicted() != 1
                && c.model().equals("mnist-cnn:1.0.0")));
    }

    @Test
    void aShortFineTuneReadsTheHeldOutCorrectionsAndKeepsTheFixedSets() throws Exception {
        Path output = temp.resolve("learned/mnist-cnn");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LearnOptions options = LearnOptions.parse("--jdbc-url", url, "--model", base.toString(), "--output",
                output.toString(), "--epochs", "1", "--styled", "440", "--held-out-per-path", "10",
                "--correction-weight", "2", "--max-correction-share", "0.1", "--learning-rate", "0.0001",
                "--ones-and-sevens", "440");
        boolean written = new LearnCommand(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run(mnist);
        String report = log.toString(StandardCharsets.UTF_8);
        assertTrue(written, report);

        ModelManifest manifest = ModelFolderLoader.manifest(output);
        assertEquals("mnist-cnn", manifest.name());
        assertEquals("1.0.1", manifest.version());
        String card = Files.readString(output.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("| MNIST test |") && card.contains("| held-out style variants |")
                && card.contains("held-out corrections"), card);
        assertTrue(Files.isRegularFile(options.exportTo().resolve(CorrectionSet.IMAGES)));

        CorrectionSet heldOut = new CorrectionSet(new CorrectionExport(url, "sa", "").read().corrections())
                .split(options.heldOutShare()).heldOut();
        assertTrue(heldOut.size() >= 30, "held out: " + heldOut.size());
        Evaluator evaluator = new Evaluator(InputNormalization.MNIST);
        try (Model fresh = ModelFolderLoader.load(output)) {
            double read = evaluator.evaluate(fresh, i -> heldOut.corrections().get(i).digit(), heldOut.labels())
                    .accuracy();
            // The old model read none of them (that is why they were corrected).
            assertTrue(read >= 0.8, "the new version reads " + read + " of the held-out corrections\n" + report);
            double mnistAfter = evaluator.evaluate(fresh, mnist.testImages()::digit, mnist.testLabels()).accuracy();
            try (Model old = ModelFolderLoader.load(base)) {
                double mnistBefore = evaluator.evaluate(old, mnist.testImages()::digit, mnist.testLabels())
                        .accuracy();
                assertTrue(mnistAfter >= mnistBefore - CorrectionLoop.MAX_DROP, mnistBefore + " -> " + mnistAfter);
            }
        }
        try (OnnxClassifier onnx = new OnnxClassifier(output.resolve("mnist-cnn.onnx"))) {
            assertEquals(1, onnx.inputNames().size(), "the ONNX artifact loads");
        }
    }

    @Test
    void aFineTuneThatRuinsTheModelIsRefusedAndWritesNothing() throws Exception {
        Path output = temp.resolve("ruined/mnist-cnn");
        LearnOptions options = LearnOptions.parse("--jdbc-url", url, "--model", base.toString(), "--output",
                output.toString(), "--epochs", "1", "--styled", "0", "--held-out-per-path", "2",
                "--correction-weight", "50", "--max-correction-share", "0.9", "--learning-rate", "0.5");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        boolean written = new LearnCommand(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run(mnist);
        assertFalse(written, log.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(output), "no version folder for a refused model");
        assertTrue(Files.readString(options.exportTo().resolve("REFUSED_MODEL_CARD.md")).contains("**worse**"));
    }

    private static MnistImages slice(MnistImages images, int from, int to) {
        return new MnistImages(to - from, images.rows(), images.cols(),
                Arrays.copyOfRange(images.pixels(), from * images.imageSize(), to * images.imageSize()));
    }

    private static MnistLabels slice(MnistLabels labels, int from, int to) {
        return new MnistLabels(Arrays.copyOfRange(labels.labels(), from, to));
    }
}
