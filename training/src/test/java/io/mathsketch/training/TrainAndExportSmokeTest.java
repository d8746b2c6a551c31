package io.mathsketch.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.model.CnnArchitectures;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.training.augment.DigitAugmenter;
import io.mathsketch.training.data.MnistData;
import io.mathsketch.training.export.ExportManifest;
import io.mathsketch.training.export.ModelExporter;
import io.mathsketch.training.export.ModelFiles;
import io.mathsketch.training.export.OnnxClassifier;
import io.mathsketch.training.export.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a few hundred committed digits: one epoch of augmented training lowers the loss, the export
 * writes both artifacts, and ONNX Runtime runs the exported graph with the same results as PyTorch.
 */
class TrainAndExportSmokeTest {

    private static final int TRAIN = 640;

    @TempDir
    Path temp;

    @Test
    void trainExportAndRunInOnnxRuntime() throws Exception {
        MnistSubset subset = MnistSubset.load();
        MnistData data = new MnistData(subset.images().first(TRAIN), subset.labels().first(TRAIN),
                subset.images().first(200), subset.labels().first(200));
        TrainingOptions options = new TrainingOptions(1, 32, 0.003f, 1, temp.resolve("smoke"), 0, 1, true, temp, "npm",
                false, 0, 0, Optional.empty(), 0, 0, 0);
        List<Double> batchLosses = new ArrayList<>();
        TrainingProgress recorder = new TrainingProgress() {
            @Override
            public void batch(int epoch, int batch, int batches, double meanLoss, double meanAccuracy) {
                // The running mean over b batches, minus the previous running mean's share, is batch b's loss.
                double previousSum = batchLosses.stream().mapToDouble(Double::doubleValue).sum();
                batchLosses.add(meanLoss * batch - previousSum);
            }

            @Override
            public void epoch(EpochResult result, int epochs) {
            }
        };

        Path dir = Files.createDirectories(temp.resolve("smoke"));
        ModelFiles folder = ModelFiles.in(dir, "0.0.1");
        Engine.getEngine("PyTorch").setRandomSeed(options.seed());
        try (Model model = Model.newInstance("smoke", Device.cpu(), "PyTorch")) {
            model.setBlock(CnnArchitectures.build(CnnArchitectures.MATHSKETCH_CNN_V1));
            MnistTrainer trainer = new MnistTrainer(options, InputNormalization.MNIST,
                    new DigitAugmenter(new MnistCentering()));
            List<EpochResult> epochs = trainer.train(model, data, recorder);

            assertEquals(1, epochs.size());
            assertEquals(TRAIN / 32, batchLosses.size());
            double first = batchLosses.get(0);
            double lastFive = batchLosses.subList(batchLosses.size() - 5, batchLosses.size()).stream()
                    .mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(lastFive < 0.7 * first, "loss fell from " + first + " to " + lastFive);

            new ModelExporter(folder).write(model, dir, Map.of("purpose", "smoke test"));
            byte[] firstParams = Files.readAllBytes(dir.resolve(folder.paramsFile()));
            new ModelExporter(folder).write(model, dir, Map.of("purpose", "smoke test"));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(Set.of(folder.paramsFile(), folder.onnxFile()),
                        files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                        "re-exporting replaces the artifacts");
            }
            assertArrayEquals(firstParams, Files.readAllBytes(dir.resolve(folder.paramsFile())));
            assertTrue(Files.size(dir.resolve(folder.paramsFile())) > 300_000);
            Path onnx = dir.resolve(folder.onnxFile());
            assertTrue(Files.size(onnx) < 600_000, "ONNX file stays small: " + Files.size(onnx));

            Evaluator evaluator = new Evaluator(InputNormalization.MNIST);
            float[][] expected = evaluator.logits(model, subset.images()::digit, 0, 100);
            List<DigitImage> digits = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                digits.add(subset.images().digit(i));
            }
            try (OnnxClassifier classifier = new OnnxClassifier(onnx)) {
                float[][] logits = classifier.logits(InputNormalization.MNIST.apply(digits), 100);
                assertEquals(100, logits.length);
                for (int i = 0; i < 100; i++) {
                    assertEquals(10, logits[i].length);
                    for (int c = 0; c < 10; c++) {
                        assertTrue(Float.isFinite(logits[i][c]));
                        assertEquals(expected[i][c], logits[i][c], 1e-4, "image " + i + " class " + c);
                    }
                }
            }

            ModelManifest manifest = ExportManifest.of(dir, folder, CnnArchitectures.MATHSKETCH_CNN_V1,
                    InputNormalization.MNIST, 0.5);
            ExportManifest.write(dir, manifest);
            // The folder is named like the model, so the engine opens it, checksums verified, for both engines.
            assertEquals("smoke", ModelFolder.open(dir, "OnnxRuntime").manifest().name());
            assertEquals(Sha256.of(onnx), ModelFolder.open(dir, "OnnxRuntime").artifact().sha256());
            assertEquals(folder.paramsFile(), ModelFolder.open(dir, "PyTorch").artifact().file());
        }
    }
}
