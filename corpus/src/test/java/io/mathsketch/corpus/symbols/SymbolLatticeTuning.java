package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.symbols.SymbolChoice;
import io.mathsketch.engine.symbols.SymbolGeometry;
import io.mathsketch.engine.symbols.SymbolGroup;
import io.mathsketch.engine.symbols.SymbolSegmenter;
import io.mathsketch.engine.symbols.SymbolLattice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How {@link SymbolLattice}'s two costs were chosen: the expressions of the <em>training</em> hand (never the
 * held-out hand {@link ExpressionQualityTest} measures), each laid out and read once by the committed symbol model,
 * then read as a line under a grid of costs. Not part of the build (the name is outside Surefire's patterns); run it
 * with {@code ./mvnw -pl corpus verify -Dtest=SymbolLatticeTuning -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SymbolLatticeTuning {

    static final int COUNT = 200;

    @Test
    void printTheExactShareForEachPairOfCosts() throws Exception {
        ExpressionWriter writer = new ExpressionWriter(HandConfig.TRAINING);
        CanvasRasterizer canvas = new CanvasRasterizer();
        ExpressionLayout layout = new ExpressionLayout(InputLimits.DEFAULT);
        double[] symbolCosts = {-0.5, 0, 0.5, 1};
        double[] widthCosts = {0, 1, 2, 4};
        int[][] exact = new int[symbolCosts.length][widthCosts.length];
        int grouped = 0;
        SymbolSegmenter segmenter = new SymbolSegmenter(ExpressionLayout.MAX_SYMBOLS);
        MnistCentering centering = new MnistCentering();
        try (DjlRecognizer recognizer = ExpressionQualityTest.openCommittedModels()) {
            List<String> labels = recognizer.models().stream().filter(m -> m.name().equals("mathsketch-symbols"))
                    .findFirst().orElseThrow().labels();
            SymbolChoice choice = new SymbolChoice(labels);
            for (int i = 0; i < COUNT; i++) {
                HandwrittenExpression e = writer.write(100_000 + i);
                ExpressionLayout.Laid laid = layout.layout(canvas.png(e.ink()));
                float[][] probabilities = new float[laid.images().size()][];
                for (int c = 0; c < probabilities.length; c++) {
                    probabilities[c] = read(recognizer, laid.images().get(c));
                }
                String asGrouped = readAsGrouped(recognizer, canvas.png(e.ink()), segmenter, centering, choice);
                grouped += asGrouped.equals(e.text()) ? 1 : 0;
                for (int s = 0; s < symbolCosts.length; s++) {
                    for (int w = 0; w < widthCosts.length; w++) {
                        StringBuilder text = new StringBuilder();
                        for (ExpressionLayout.Laid.Read r : laid.read(probabilities, choice,
                                new SymbolLattice(symbolCosts[s], widthCosts[w], 6))) {
                            text.append(r.choice().symbol().text());
                        }
                        exact[s][w] += text.toString().equals(e.text()) ? 1 : 0;
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("symbol cost \\ cut cost (width cost 6):");
        for (double w : widthCosts) {
            table.append(String.format(Locale.ROOT, "%8.1f", w));
        }
        for (int s = 0; s < symbolCosts.length; s++) {
            table.append(String.format(Locale.ROOT, "%n%24.1f", symbolCosts[s]));
            for (int w = 0; w < widthCosts.length; w++) {
                table.append(String.format(Locale.ROOT, "%7.1f%%", 100.0 * exact[s][w] / COUNT));
            }
        }
        table.append(String.format(Locale.ROOT, "%nas geometry groups the marks (before the lattice): %.1f%%",
                100.0 * grouped / COUNT));
        System.out.println(table);
    }

    /** The reading before the lattice: geometry's groups, each read once. */
    private static String readAsGrouped(DjlRecognizer recognizer, byte[] png, SymbolSegmenter segmenter,
                                        MnistCentering centering, SymbolChoice choice) throws Exception {
        InkCrop crop = new ImagePreprocessor(InputLimits.DEFAULT).inkCrop(png, 1 << 20);
        List<SymbolGroup> groups = segmenter.segment(crop.ink());
        SymbolGeometry geometry = SymbolGeometry.of(groups);
        StringBuilder text = new StringBuilder();
        for (SymbolGroup g : groups) {
            float[] p = read(recognizer, centering.center(g.ink()));
            text.append(choice.choose(p, geometry.candidates(g)).symbol().text());
        }
        return text.toString();
    }

    private static float[] read(DjlRecognizer recognizer, DigitImage image) throws RecognitionException {
        return recognizer.recognize(new RecognitionRequest(new RecognitionRequest.Input.Pixels(image.pixels()),
                Optional.of("mathsketch-symbols"), RecognitionRequest.Mode.DIGIT)).digits().getFirst()
                .probabilities();
    }
}
