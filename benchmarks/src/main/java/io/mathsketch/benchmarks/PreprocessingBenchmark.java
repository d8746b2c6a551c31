package io.mathsketch.benchmarks;

import ai.djl.Device;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.modality.cv.transform.Resize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.image.DigitRegion;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * Preprocessing cost per image: encoded bytes to the 28x28 MNIST-centred {@link DigitImage} the model reads, through
 * our {@link ImagePreprocessor}.
 *
 * <p>Compared, in the same run, on the same 280x280 RGBA canvas PNG (a browser canvas export of a digit):
 * <ul>
 *   <li>{@link #canvasInflateReference}: a bare {@code Inflater} pass over the PNG's IDAT data into a reused buffer
 *   ({@link InflateReference}), what any decoder built on {@code java.util.zip} pays before doing anything else
 *   (target: {@link #canvasPipeline} at most 1.4x this; our decoder inflates with its own DEFLATE decoder and beats
 *   it outright);</li>
 *   <li>{@link #canvasBaseline}: the straightforward way, {@code ImageIO.read}, {@code getRGB} per pixel, then DJL's
 *   {@code ImageFactory}, {@code Resize} and {@code ToTensor} on PyTorch NDArrays (target: pipeline at least 3x
 *   faster). It does less than the pipeline: a plain resize, no bounding box or centre-of-mass centring.</li>
 * </ul>
 * Also measured: an MNIST-sized 28x28 PNG (target at most 20 µs), a 640x480 JPEG photo (ImageIO path), and
 * segmenting a 600x200 canvas holding a four-digit number into centred digits.
 */
public class PreprocessingBenchmark extends JmhSettings {

    private ImagePreprocessor preprocessor;
    private NumberReader numbers;
    private Slowdown slowdown;
    private byte[] canvasPng;
    private byte[] mnistPng;
    private byte[] photoJpeg;
    private byte[] numberPng;
    private InflateReference canvasInflate;
    private ImageFactory imageFactory;
    private NDManager baselineManager;
    private Resize resize;
    private ToTensor toTensor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        numbers = new NumberReader(InputLimits.DEFAULT);
        slowdown = Slowdown.fromSystemProperty();
        canvasPng = SampleImages.canvasPng(3);
        mnistPng = SampleImages.mnistPng(3);
        photoJpeg = SampleImages.photoJpeg(3);
        numberPng = SampleImages.numberPng("2026");
        canvasInflate = new InflateReference(List.of(canvasPng));
        imageFactory = ImageFactory.getInstance();
        baselineManager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        resize = new Resize(DigitImage.SIDE, DigitImage.SIDE);
        toTensor = new ToTensor();
        // Fail the trial, not the numbers, if an input stopped being what the benchmark claims to measure.
        if (numbers.regions(numberPng).size() != 4) {
            throw new IllegalStateException("the 600x200 sample should segment into 4 digits");
        }
        canvasInflate.checkWhole("the canvas");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        canvasInflate.close();
        baselineManager.close();
    }

    /** Sizes of the encoded samples, for the results table. */
    public static String describeSamples() {
        return "canvas PNG 280x280 RGBA " + SampleImages.canvasPng(3).length + " B; 28x28 PNG "
                + SampleImages.mnistPng(3).length + " B; 640x480 JPEG " + SampleImages.photoJpeg(3).length
                + " B; 600x200 number PNG " + SampleImages.numberPng("2026").length + " B";
    }

    @Benchmark
    public void canvasPipeline(Blackhole bh) throws Exception {
        for (int i = 1 + slowdown.extraRuns("PreprocessingBenchmark.canvasPipeline"); i > 0; i--) {
            bh.consume(preprocessor.digit(canvasPng));
        }
    }

    @Benchmark
    public int canvasInflateReference() throws DataFormatException {
        return canvasInflate.inflateNext();
    }

    @Benchmark
    public float[] canvasBaseline() throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(canvasPng));
        int w = decoded.getWidth(), h = decoded.getHeight();
        int[] grey = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = decoded.getRGB(x, y);
                int alpha = argb >>> 24;
                int luma = (((argb >> 16) & 0xff) * 299 + ((argb >> 8) & 0xff) * 587 + (argb & 0xff) * 114) / 1000;
                int ink = alpha * (255 - luma) / 255;
                grey[y * w + x] = 0xff000000 | ink << 16 | ink << 8 | ink;
            }
        }
        Image image = imageFactory.fromPixels(grey, w, h);
        try (NDManager manager = baselineManager.newSubManager()) {
            NDArray array = image.toNDArray(manager, Image.Flag.GRAYSCALE);
            return toTensor.transform(resize.transform(array)).toFloatArray();
        }
    }

    @Benchmark
    public void mnistPngPipeline(Blackhole bh) throws Exception {
        for (int i = 1 + slowdown.extraRuns("PreprocessingBenchmark.mnistPngPipeline"); i > 0; i--) {
            bh.consume(preprocessor.digit(mnistPng));
        }
    }

    @Benchmark
    public DigitImage photoJpegPipeline() throws Exception {
        return preprocessor.digit(photoJpeg);
    }

    @Benchmark
    public List<DigitRegion> numberSegmentation() throws Exception {
        return numbers.regions(numberPng);
    }
}
