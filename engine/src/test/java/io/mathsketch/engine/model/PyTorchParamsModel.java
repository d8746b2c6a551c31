package io.mathsketch.engine.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.mathsketch.engine.image.DigitImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Test helper: a randomly initialised {@code mathsketch-cnn-v1} saved as a DJL {@code .params} file with a PyTorch-only
 * manifest, plus a reference forward pass through DJL directly (MNIST normalisation and softmax done here, not by the
 * engine's encoder and decoder).
 */
public final class PyTorchParamsModel implements AutoCloseable {

    private static final float MEAN = 0.1307f, STD = 0.3081f;

    private final Model model;
    private final Predictor<float[], float[]> reference;

    private PyTorchParamsModel(Model model) {
        this.model = model;
        this.reference = model.newPredictor(new LogitsTranslator());
    }

    /** Writes {@code <modelsDirectory>/<name>/} with {@code <name>-0000.params} and manifest.json. */
    public static PyTorchParamsModel create(Path modelsDirectory, String name) {
        Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
        model.setBlock(CnnArchitectures.build(CnnArchitectures.MATHSKETCH_CNN_V1));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
        try {
            Path dir = Files.createDirectories(modelsDirectory.resolve(name));
            model.save(dir, name);
            String file = name + "-0000.params";
            ModelManifest manifest = new ModelManifest(name, "0.0.1", "", Optional.of(CnnArchitectures.MATHSKETCH_CNN_V1),
                    List.of(new ModelManifest.Artifact("PyTorch", file, LinearOnnxModel.sha256(dir.resolve(file)),
                            List.of())),
                    new ModelManifest.Input("input", ModelManifest.Layout.NCHW, 28, 28),
                    new ModelManifest.Normalization(MEAN, STD), ModelManifest.InkPolarity.LIGHT_ON_DARK,
                    new ModelManifest.Output("logits", ModelManifest.OutputKind.LOGITS),
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Optional.empty());
            Files.writeString(dir.resolve(ModelFolder.MANIFEST), ManifestWriter.json(manifest));
            return new PyTorchParamsModel(model);
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Probabilities computed by DJL directly from the in-memory network. */
    public float[] probabilities(DigitImage digit) throws TranslateException {
        float[] logits = reference.predict(digit.pixels());
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] e = new double[logits.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[e.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    @Override
    public void close() {
        reference.close();
        model.close();
    }

    private static final class LogitsTranslator implements NoBatchifyTranslator<float[], float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, float[] pixels) {
            float[] x = new float[pixels.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (pixels[i] - MEAN) / STD;
            }
            return new NDList(ctx.getNDManager().create(x, new Shape(1, 1, 28, 28)));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().toFloatArray();
        }
    }
}
