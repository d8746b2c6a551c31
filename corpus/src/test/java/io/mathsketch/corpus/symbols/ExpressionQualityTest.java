package io.mathsketch.corpus.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.testing.Checkout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Expression mode's quality on handwritten expressions it was not trained on: {@value #COUNT} expressions of
 * {@link ExpressionWriter} with the {@link HandConfig#HELD_OUT} hand (digits and operators alike; the symbol model
 * learned from MNIST digits and the training hand's operators), drawn on a canvas, exported as PNG and read through
 * the engine's expression mode with the committed {@code models/mathsketch-symbols}. docs/arithmetic.md quotes the
 * report.
 *
 * <p>Issue 17 asks for 90 % of expressions read exactly and 98 % of operators. Measured with the committed symbol
 * model 1.2.0 (trained on the training hand and a wider one, not the held-out hand), its digits told apart by the
 * committed digit model and weighed by number mode's digit verifier, the line read under the parser's grammar
 * ({@code SymbolLattice} over {@code ExpressionGrammar}, long numbers paying per digit, a lone tall stroke's lean and
 * top weighing 1 against the slash of ÷; costs and rules tuned on the training hand's and a wide tuning hand's lines
 * only, wide marks cut at up to 8 of their thinnest columns): 274 of 300 exactly (91.3 %, the target met; 266 with
 * at most 3 cuts, 254 without the verifier, 240 with model 1.1.0 before the writer kept decimal points clear of the
 * digits beside them), all symbols found in 287, operators 843 of 851 in those (99.1 %, the target met). The floors
 * sit a little under what is measured so that a regression fails the build.
 */
class ExpressionQualityTest {

    static final int COUNT = 300;
    /** Exact expressions; measured 0.913 (target 0.90). */
    static final double EXACT_FLOOR = 0.91;
    /** Operators (+ − × ÷ =) read right, in expressions whose symbols were all found; measured 0.991 (target 0.98). */
    static final double OPERATOR_FLOOR = 0.985;

    @Test
    void expressionsAreReadExactlyAndTheirValuesAreRight() throws Exception {
        ExpressionWriter writer = new ExpressionWriter(HandConfig.HELD_OUT);
        CanvasRasterizer canvas = new CanvasRasterizer();
        ExpressionParser parser = new ExpressionParser();
        int exact = 0, operators = 0, operatorsRight = 0, segmented = 0;
        List<String> misses = new ArrayList<>();
        Map<String, Integer> errors = new TreeMap<>();
        Map<Symbol, int[]> perSymbol = new TreeMap<>();
        try (DjlRecognizer recognizer = openCommittedModels()) {
            for (int i = 0; i < COUNT; i++) {
                HandwrittenExpression e = writer.write(i);
                String read;
                Optional<Recognition> recognition = Optional.empty();
                try {
                    recognition = Optional.of(recognizer.recognize(new RecognitionRequest(
                            new RecognitionRequest.Input.EncodedImage(canvas.png(e.ink())), Optional.empty(),
                            RecognitionRequest.Mode.EXPRESSION)));
                    read = recognition.get().text();
                } catch (RecognitionException.InvalidExpression invalid) {
                    read = invalid.text();
                }
                if (read.equals(e.text())) {
                    exact++;
                    // The value is the parser's of what was read: right whenever the expression is.
                    assertEquals(parser.evaluate(e.truth()).value(), recognition.orElseThrow().expression()
                            .orElseThrow().value(), e.text());
                } else {
                    if (misses.size() < 12) {
                        misses.add(e.text() + " read " + read);
                    }
                    for (String kind : SymbolLatticeTuning.differences(e.text(), read)) {
                        errors.merge(kind, 1, Integer::sum);
                    }
                }
                if (read.codePointCount(0, read.length()) == e.truth().size()) {
                    segmented++;
                    for (int s = 0; s < e.truth().size(); s++) {
                        Symbol truth = e.truth().get(s);
                        perSymbol.computeIfAbsent(truth, k -> new int[2])[0]++;
                        perSymbol.get(truth)[1] += read.charAt(s) == truth.text().charAt(0) ? 1 : 0;
                        if (isOperator(truth)) {
                            operators++;
                            operatorsRight += read.charAt(s) == truth.text().charAt(0) ? 1 : 0;
                        }
                    }
                }
            }
        }
        String kinds = errors.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(12)
                .map(en -> en.getKey() + " " + en.getValue()).collect(Collectors.joining(", "));
        String symbols = perSymbol.entrySet().stream()
                .map(en -> en.getKey().text() + " " + en.getValue()[1] + "/" + en.getValue()[0])
                .collect(Collectors.joining(", "));
        String report = String.format(Locale.ROOT, "expressions read exactly: %d/%d (%.1f%%); all symbols found in "
                        + "%d; operators right: %d/%d (%.2f%%)%nper symbol, in those: %s%n"
                        + "errors (truth>read, +inserted, -dropped): %s%nsome misses:%n  %s%n", exact, COUNT,
                100.0 * exact / COUNT, segmented, operatorsRight, operators,
                100.0 * operatorsRight / Math.max(1, operators), symbols, kinds, String.join("\n  ", misses));
        System.out.print(report);
        assertTrue((double) exact / COUNT >= EXACT_FLOOR, report);
        assertTrue((double) operatorsRight / operators >= OPERATOR_FLOOR, report);
    }

    private static boolean isOperator(Symbol s) {
        return s == Symbol.PLUS || s == Symbol.MINUS || s == Symbol.TIMES || s == Symbol.DIVIDE || s == Symbol.EQUALS;
    }

    /** The committed digit, symbol and verifier models, as the server serves them by default. */
    static DjlRecognizer openCommittedModels() throws Exception {
        return DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models())
                .models(EngineConfig.MODELS.defaultValue()).workers(1).build());
    }
}
