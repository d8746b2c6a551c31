package io.mathsketch.benchmarks;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.photo.PhotoConfig;
import io.mathsketch.corpus.photo.PhotoSet;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.CommittedSubset;
import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.InputEncoder;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

import java.nio.file.Path;
import java.util.List;

/**
 * A phone photo to the model's input tensor, beside a canvas export through the same steps in the same run: encoded
 * bytes, decoded, ink found, MNIST-centred, then normalised into the float tensor the manifest asks for.
 * <ul>
 *   <li>{@link #photoJpegToTensor}: 640x480 JPEGs from the corpus's held-out photo conditions
 *   ({@code PhotoConfig.TEST} at 640x480: uneven light, shadows, grain, JPEG qualities 0.5-0.95), eight photos taken
 *   in turn; ImageIO's JPEG decoder, then the photo path ({@code PhotoInk}: illumination, threshold, components);</li>
 *   <li>{@link #canvasPngToTensor}: the 280x280 canvas PNG of {@link PreprocessingBenchmark#canvasPipeline}, which
 *   keeps the canvas rule. Compared with that benchmark on the commit before the photo path, it shows what the
 *   photo path's routing costs canvases (target: under 10%).</li>
 * </ul>
 */
public class PhotoBenchmark extends JmhSettings {

    private static final int PHOTOS = 8;

    private ImagePreprocessor preprocessor;
    private InputEncoder encoder;
    private byte[][] photos;
    private byte[] canvasPng;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        encoder = new InputEncoder(BenchmarkModel.folder(EngineResolver.ONNX_RUNTIME).manifest());
        canvasPng = SampleImages.canvasPng(3);
        Path mnist = BenchmarkModel.modelsDirectory().getParent().resolve(CommittedSubset.FOLDER);
        MnistImages images = IdxFile.readImages(mnist.resolve(CommittedSubset.IMAGES));
        MnistLabels labels = IdxFile.readLabels(mnist.resolve(CommittedSubset.LABELS));
        PhotoSet set = new PhotoSet(PhotoConfig.TEST.withFrames(List.of(new int[] {640, 480})), images, labels,
                HandConfig.HELD_OUT);
        photos = new byte[PHOTOS][];
        for (int i = 0; i < PHOTOS; i++) {
            photos[i] = set.mnist(i).jpeg();
        }
    }

    @Benchmark
    public float[] photoJpegToTensor() throws Exception {
        byte[] photo = photos[next];
        next = (next + 1) % PHOTOS;
        return encoder.encode(new DigitBatch(List.of(preprocessor.digit(photo))));
    }

    @Benchmark
    public float[] canvasPngToTensor() throws Exception {
        return encoder.encode(new DigitBatch(List.of(preprocessor.digit(canvasPng))));
    }
}
