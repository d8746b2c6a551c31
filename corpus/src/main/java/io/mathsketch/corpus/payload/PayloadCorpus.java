package io.mathsketch.corpus.payload;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.corpus.render.PageSurface;
import io.mathsketch.engine.mnist.CommittedSubset;
import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmarks' payloads per {@link PayloadClass}, the same bytes for JMH and for the HTTP load benchmark. All but
 * the Chromium fixtures are generated, deterministically, from the repository's {@code data/} folder: the MNIST
 * <em>test</em> subset (image {@code i} of every MNIST class is test digit {@code i}, so the classes differ only in
 * how the digit is encoded) and {@link HandConfig#HELD_OUT} handwriting. PNGs are written by the JDK's ImageIO
 * encoder (adaptive row filters), not by our own exporter, so the decoder meets files made elsewhere.
 *
 * <pre>
 *   PayloadCorpus &lt;data dir&gt; &lt;output dir&gt; [count]     writes &lt;output dir&gt;/&lt;class id&gt;/*.png for load generators
 * </pre>
 */
public final class PayloadCorpus {

    /** Canvas side of the drawing page, in pixels. */
    public static final int CANVAS = PageSurface.DIGIT_WIDTH;
    /** Side of the small greyscale class. */
    public static final int SMALL = 140;
    /** Images per class unless asked otherwise: enough digits of every label, few enough to stay in cache. */
    public static final int DEFAULT_COUNT = 20;
    /** The folder under {@code data/} holding the Chromium fixtures. */
    public static final String FIXTURES = "canvas-fixtures";


    private final Path dataDir;

    /** @param dataDir the repository's {@code data/} folder */
    public PayloadCorpus(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Walks up from the working directory to the checkout holding {@code data/mnist-subset}. */
    public static PayloadCorpus ofCheckout() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(CommittedSubset.FOLDER))) {
                return new PayloadCorpus(dir.resolve("data"));
            }
        }
        throw new IllegalStateException("no " + CommittedSubset.FOLDER + " above " + Path.of("").toAbsolutePath()
                + ": run from a MathSketch checkout");
    }

    /**
     * The first {@code count} payloads of a class (all fixtures, at most {@code count}, for the Chromium class; none
     * while no fixture is committed).
     */
    public List<Payload> payloads(PayloadClass payloadClass, int count) {
        try {
            return switch (payloadClass) {
                case CHROMIUM_CANVAS -> fixtures(count);
                case HAND_CANVAS -> handCanvases(count);
                default -> mnist(payloadClass, count);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + dataDir + " for " + payloadClass.id(), e);
        }
    }

    private List<Payload> fixtures(int count) throws IOException {
        Path dir = dataDir.resolve(FIXTURES);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> pngs;
        try (Stream<Path> files = Files.walk(dir)) {
            pngs = files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().limit(count).toList();
        }
        List<Payload> out = new ArrayList<>();
        for (Path png : pngs) {
            String name = dir.relativize(png).toString().replace('/', '-');
            out.add(new Payload(PayloadClass.CHROMIUM_CANVAS, name, -1, Files.readAllBytes(png)));
        }
        return out;
    }

    private static List<Payload> handCanvases(int count) {
        HandwritingGenerator hand = new HandwritingGenerator(HandConfig.HELD_OUT);
        CanvasRasterizer canvas = new CanvasRasterizer();
        List<Payload> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HandwrittenDigit digit = hand.sample(i);
            String name = String.format(Locale.ROOT, "hand-%04d-d%d.png", i, digit.digit());
            out.add(new Payload(PayloadClass.HAND_CANVAS, name, digit.digit(), canvas.png(digit.pageInk())));
        }
        return out;
    }

    private List<Payload> mnist(PayloadClass payloadClass, int count) throws IOException {
        MnistImages images = IdxFile.readImages(dataDir.resolve(CommittedSubset.NAME).resolve(CommittedSubset.IMAGES));
        MnistLabels labels = IdxFile.readLabels(dataDir.resolve(CommittedSubset.NAME).resolve(CommittedSubset.LABELS));
        List<Payload> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, images.count()); i++) {
            BufferedImage digit = grey(images, i);
            byte[] png = switch (payloadClass) {
                case MNIST_28 -> png(digit);
                case GRAY_140 -> png(invert(scale(digit, SMALL)));
                case MNIST_RGB_DARK -> png(colour(scale(digit, CANVAS), false, false));
                case MNIST_RGB_LIGHT -> png(colour(scale(digit, CANVAS), true, false));
                case MNIST_RGBA_DARK -> png(colour(scale(digit, CANVAS), false, true));
                case MNIST_RGBA_LIGHT -> png(colour(scale(digit, CANVAS), true, true));
                default -> throw new IllegalArgumentException(payloadClass.id() + " is not made from MNIST");
            };
            int label = labels.label(i);
            out.add(new Payload(payloadClass, String.format(Locale.ROOT, "mnist-%04d-d%d.png", i, label), label, png));
        }
        return out;
    }

    /** MNIST image {@code i} as a greyscale picture: 0 background, 255 full ink. */
    private static BufferedImage grey(MnistImages images, int i) {
        BufferedImage image = new BufferedImage(images.cols(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[images.imageSize()];
        System.arraycopy(images.pixels(), i * images.imageSize(), pixels, 0, pixels.length);
        image.getRaster().setDataElements(0, 0, images.cols(), images.rows(), pixels);
        return image;
    }

    /** Bicubic upscaling: smooth, anti-aliased edges as a drawing program's export has, no blocky pixels. */
    private static BufferedImage scale(BufferedImage source, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage invert(BufferedImage grey) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] in = (byte[]) grey.getRaster().getDataElements(0, 0, grey.getWidth(), grey.getHeight(), null);
        for (int p = 0; p < in.length; p++) {
            in[p] = (byte) (255 - (in[p] & 0xFF));
        }
        out.getRaster().setDataElements(0, 0, grey.getWidth(), grey.getHeight(), in);
        return out;
    }

    /**
     * The intensity as colour: RGB paints ink over an opaque background of the other polarity; RGBA paints ink of one
     * colour whose alpha is the intensity over transparency, as a canvas without a background fill exports.
     */
    private static BufferedImage colour(BufferedImage intensity, boolean lightInk, boolean alpha) {
        int w = intensity.getWidth(), h = intensity.getHeight();
        byte[] ink = (byte[]) intensity.getRaster().getDataElements(0, 0, w, h, null);
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[w * h];
        for (int p = 0; p < argb.length; p++) {
            int v = ink[p] & 0xFF;
            if (alpha) {
                argb[p] = v << 24 | (lightInk ? 0xFFFFFF : 0);
            } else {
                int c = lightInk ? v : 255 - v;
                argb[p] = 0xFF000000 | c << 16 | c << 8 | c;
            }
        }
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes every class into {@code <output dir>/<class id>/}, for load generators outside the JVM. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PayloadCorpus <data dir> <output dir> [count per class]");
            System.exit(2);
        }
        PayloadCorpus corpus = new PayloadCorpus(Path.of(args[0]));
        int count = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_COUNT;
        for (PayloadClass c : PayloadClass.values()) {
            List<Payload> payloads = corpus.payloads(c, count);
            Path dir = Files.createDirectories(Path.of(args[1], c.id()));
            for (Payload p : payloads) {
                Files.write(dir.resolve(p.name()), p.bytes());
            }
            System.out.println(c.id() + ": " + payloads.size() + " files, " + payloads.stream()
                    .mapToInt(p -> p.bytes().length).sum() / Math.max(1, payloads.size()) + " B on average");
        }
    }
}
