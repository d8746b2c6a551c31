package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.symbols.SymbolChoice;
import io.mathsketch.engine.symbols.SymbolGroup;
import io.mathsketch.engine.symbols.SymbolLattice;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Writes the geometry of the tall single strokes of the <em>training</em> hand's lines (1s, slashes, parentheses),
 * with what the models say of them, to {@code target/symbol-features.csv}: the data the slash-or-1 rule of
 * {@code SymbolGeometry} was chosen from. Not part of the build (outside Surefire's patterns); run it with
 * {@code ./mvnw -pl corpus verify -Dtest=SymbolFeatureTuning -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SymbolFeatureTuning {

    static final int COUNT = 600;

    @Test
    void writeTheFeaturesOfTallStrokes() throws Exception {
        ExpressionWriter writer = new ExpressionWriter(HandConfig.TRAINING);
        CanvasRasterizer canvas = new CanvasRasterizer();
        ExpressionLayout layout = new ExpressionLayout(InputLimits.DEFAULT);
        Path out = Path.of("target/symbol-features.csv");
        try (DjlRecognizer recognizer = ExpressionQualityTest.openCommittedModels();
             PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            List<String> labels = recognizer.models().stream().filter(m -> m.name().equals("mathsketch-symbols"))
                    .findFirst().orElseThrow().labels();
            SymbolChoice choice = new SymbolChoice(labels);
            csv.println("line,style,lean,height,top,bottom,width,pdigit,pone,pdivide,plparen,prparen,neighbours");
            for (int i = 0; i < COUNT; i++) {
                HandwrittenExpression e = writer.write(100_000 + i);
                ExpressionLayout.Laid laid = layout.layout(canvas.png(e.ink()));
                List<SymbolLattice.Candidate> all = laid.candidates();
                for (WrittenSymbol w : e.symbols()) {
                    if (!w.style().startsWith("ONE") && !w.style().equals("DIVIDE_SLASH")
                            && !w.style().endsWith("PARENTHESIS")) {
                        continue;
                    }
                    int best = -1;
                    double centre = w.box().x() + w.box().width() / 2.0;
                    for (int c = 0; c < all.size(); c++) {
                        SymbolLattice.Candidate cand = all.get(c);
                        Box b = laid.boxes().get(c);
                        if (cand.to() - cand.from() != 1 || !cand.whole() || b.x() > centre
                                || b.x() + b.width() < centre) {
                            continue;
                        }
                        Box known = best < 0 ? null : laid.boxes().get(best);
                        if (known == null || Math.abs(b.x() + b.width() / 2.0 - centre)
                                < Math.abs(known.x() + known.width() / 2.0 - centre)) {
                            best = c;
                        }
                    }
                    if (best < 0) {
                        continue;
                    }
                    SymbolGroup g = all.get(best).group();
                    float[] p = choice.withDigitsFrom(read(recognizer, laid.images().get(best), "mathsketch-symbols"),
                            read(recognizer, laid.images().get(best), "mnist-cnn"));
                    double pd = 0;
                    for (int d = 0; d < 10; d++) {
                        pd += p[choice.labelIndex(Symbol.digit(d))];
                    }
                    var f = laid.geometry().features(g);
                    csv.printf(Locale.ROOT, "%d,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.5f,%.5f,%.5f,%.5f,%.5f,%d%n", i,
                            w.style(), f.lean(), f.height(), f.top(), f.bottom(), f.width(), pd,
                            p[choice.labelIndex(Symbol.digit(1))], p[choice.labelIndex(Symbol.DIVIDE)],
                            p[choice.labelIndex(Symbol.LEFT_PAREN)], p[choice.labelIndex(Symbol.RIGHT_PAREN)],
                            e.symbols().size());
                }
            }
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static float[] read(DjlRecognizer recognizer, DigitImage image, String model) throws RecognitionException {
        return recognizer.recognize(new RecognitionRequest(new RecognitionRequest.Input.Pixels(image.pixels()),
                Optional.of(model), RecognitionRequest.Mode.DIGIT)).digits().getFirst().probabilities();
    }
}
