package io.mathsketch.corpus;

import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.fixtures.CanvasFixtures;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.corpus.photo.PhotoConfig;
import io.mathsketch.corpus.photo.PhotoSet;
import io.mathsketch.corpus.render.CanvasExport;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.corpus.scan.Scans;
import io.mathsketch.corpus.snapshot.Snapshots;
import io.mathsketch.corpus.symbols.ExpressionWriter;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.RecognitionRequest.Mode;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.Checkout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measuring aid for the rate limits' price, never run by the build ({@code CpuPerToken [repeats]}): recognises each
 * kind of input the server is sent (a canvas PNG, phone photos, blank, speck-strewn and real scanned pages, ink) with
 * the committed digit model and prints, per kind, the CPU its recognition took (every Java thread's, the inference
 * worker's included; mean of {@code repeats} after as many unmeasured), the pixels its decoding visits (what it pays
 * for up front) and the pixels the search for its ink visited ({@link io.mathsketch.engine.WorkMeter}, what it pays
 * for afterwards): the table the docs' CPU per token is worked out from.
 */
public final class CpuPerToken {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CpuPerToken() {
    }

    private record Case(String name, Mode mode, Input input) {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Case> cases = cases();
        // Every model the server loads by default: number mode reads with the verifier, the pair and the line reader.
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models())
                .models(EngineConfig.MODELS.defaultValue()).workers(1).build())) {
            System.out.println("| input | mode | CPU ms | decoded pixels | searched pixels | answer |");
            System.out.println("|---|---|---:|---:|---:|---|");
            for (Case c : cases) {
                RecognitionRequest request = new RecognitionRequest(c.input(), c.mode() == Mode.EXPRESSION
                        ? Optional.of("mathsketch-symbols") : Optional.empty(), c.mode());
                String answer = "";
                long searched = 0;
                for (int i = 0; i < repeats; i++) {
                    answer = read(recognizer, request, new LongAdder());
                }
                long cpu = 0;
                for (int i = 0; i < repeats; i++) {
                    LongAdder work = new LongAdder();
                    long start = cpu();
                    read(recognizer, request, work);
                    cpu += cpu() - start;
                    searched = work.sum();
                }
                long decoded = c.input() instanceof Input.EncodedImage image
                        ? ImageDecoder.declaredSize(image.bytes()).map(ImageDecoder.Size::decodedPixels).orElse(0L)
                        : 0;
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %d | %d | %s |%n", c.name(),
                        c.mode().name().toLowerCase(Locale.ROOT), cpu / 1e6 / repeats, decoded, searched, answer);
            }
        }
    }

    private static String read(DjlRecognizer recognizer, RecognitionRequest request, LongAdder work) {
        try {
            return recognizer.recognize(request, work::add).text();
        } catch (RecognitionException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        HandwritingGenerator hand = new HandwritingGenerator(HeldOutDigits.hand(0x5CA4_0121L));
        HandwrittenDigit drawing = hand.sample(3);
        cases.add(new Case("canvas PNG 280x280", Mode.DIGIT, new Input.EncodedImage(canvas(drawing,
                280, 280))));
        cases.add(new Case("ink (the same drawing)", Mode.DIGIT, new Input.DigitalInk(drawing.pageInk())));
        // Inputs not made by this module's generators: the drawing page's own export and ink, recorded in Chromium.
        CanvasFixture fixture = CanvasFixtures.load().get(0);
        cases.add(new Case("Chromium canvas PNG " + fixture.name(), Mode.DIGIT,
                new Input.EncodedImage(fixture.pngBytes())));
        cases.add(new Case("Chromium ink " + fixture.name(), Mode.DIGIT, new Input.DigitalInk(fixture.ink())));
        // Written lines in number and expression mode, as ink and as the page's PNG of it: a typical number, the
        // longest number limits.max-digits (32) lets through, and an expression of ExpressionLayout.MAX_SYMBOLS (64).
        ExpressionWriter lines = new ExpressionWriter(HandConfig.TRAINING);
        SplittableRandom random = new SplittableRandom(0x4E55);
        for (int digits : new int[] {6, 32}) {
            List<Symbol> number = new ArrayList<>();
            for (int k = 0; k < digits; k++) {
                number.add(Symbol.values()[(k == 0 ? 1 : 0) + random.nextInt(k == 0 ? 9 : 10)]);
            }
            addLine(cases, digits + "-digit number", Mode.NUMBER, lines.draw(number, digits).ink());
        }
        List<Symbol> expression = new ArrayList<>();
        Symbol[] operators = {Symbol.PLUS, Symbol.MINUS, Symbol.TIMES, Symbol.DIVIDE};
        while (expression.size() < ExpressionLayout.MAX_SYMBOLS - 2) {
            expression.add(Symbol.values()[1 + random.nextInt(9)]);
            expression.add(Symbol.values()[random.nextInt(10)]);
            expression.add(operators[random.nextInt(operators.length)]);
        }
        expression.add(Symbol.values()[1 + random.nextInt(9)]);
        addLine(cases, expression.size() + "-symbol expression", Mode.EXPRESSION, lines.draw(expression, 64).ink());
        MnistSubset subset = MnistSubset.load();
        // Photos by the camera model written apart from corpus.photo's (its tuning seed, never a test set).
        Snapshots snapshots = Snapshots.ofFixtures(Snapshots.TUNING_SEED, CanvasFixtures.load().subList(0, 2));
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshots.Snapshot snapshot = snapshots.snapshot(i);
            cases.add(new Case("snapshot JPEG " + snapshot.width() + "x" + snapshot.height(), Mode.DIGIT,
                    new Input.EncodedImage(snapshot.jpeg())));
        }
        for (int[] frame : List.of(new int[] {640, 480}, new int[] {1280, 960})) {
            PhotoSet photos = new PhotoSet(PhotoConfig.TEST.withFrames(List.of(frame)), subset.images(),
                    subset.labels(), HeldOutDigits.hand(0x5CA4_0121L));
            byte[] jpeg = photos.mnist(7).jpeg();
            String name = "photo JPEG " + frame[0] + "x" + frame[1];
            for (Mode mode : Mode.values()) {
                cases.add(new Case(name, mode, new Input.EncodedImage(jpeg)));
            }
        }
        for (int side : new int[] {1200, 2400}) {
            cases.add(new Case("blank PNG " + side + "x" + side, Mode.DIGIT,
                    new Input.EncodedImage(CanvasRenderer.white(side, side).png())));
            cases.add(new Case("specks PNG " + side + "x" + side, Mode.DIGIT,
                    new Input.EncodedImage(specks(side))));
        }
        Scans scans = new Scans(Scans.TUNING_SEED, HeldOutDigits.sources(subset, 5, 0x5CA4_0121L, 3));
        for (int i = 0; i < scans.size(); i += 2) {
            Scans.Scan scan = scans.scan(i);
            cases.add(new Case("scan " + scan.width() + "x" + scan.height() + " " + scan.format(), Mode.DIGIT,
                    new Input.EncodedImage(scan.bytes())));
        }
        return cases;
    }

    /** A written line read as its ink and as the page's PNG export of it. */
    private static void addLine(List<Case> cases, String name, Mode mode, Ink ink) {
        cases.add(new Case(name + " ink", mode, new Input.DigitalInk(ink)));
        cases.add(new Case(name + " canvas PNG " + (int) Math.ceil(ink.width()) + "x" + (int) Math.ceil(ink.height()),
                mode, new Input.EncodedImage(new CanvasRasterizer().png(ink))));
    }

    /** A white page strewn with 2,000 dark specks of 1-3 pixels: none a digit, every one a component to weigh. */
    private static byte[] specks(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            SplittableRandom random = new SplittableRandom(side);
            for (int i = 0; i < 2000; i++) {
                int s = 1 + random.nextInt(3);
                g.fillRect(random.nextInt(side - s), random.nextInt(side - s), s, s);
            }
        } finally {
            g.dispose();
        }
        return CanvasRenderer.encode(image, "png");
    }

    /** The drawing page's ink on a transparent canvas of that size, as the page exports it. */
    private static byte[] canvas(HandwrittenDigit drawing, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double scale = 0.8 * height / HandwritingGenerator.PAGE_CANVAS;
            g.translate((width - scale * HandwritingGenerator.PAGE_CANVAS) / 2, 0.1 * height);
            g.scale(scale, scale);
            g.setColor(Color.BLACK);
            new CanvasRasterizer().paint(g, drawing.pageInk());
        } finally {
            g.dispose();
        }
        return CanvasExport.png(image);
    }

    /** Nanoseconds of CPU every Java thread of this JVM has taken (the JIT's and the collector's left out). */
    private static long cpu() {
        long total = 0;
        for (long t : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) {
            total += Math.max(0, t);
        }
        return total;
    }
}
