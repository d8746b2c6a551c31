package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.symbols.SlashOdds;
import io.mathsketch.engine.symbols.SymbolChoice;
import io.mathsketch.engine.symbols.SymbolLattice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How {@link SymbolLattice}'s costs were chosen: the expressions of the <em>training</em> hand (never the held-out
 * hand {@link ExpressionQualityTest} measures), each laid out and read once by the committed symbol model, then read
 * as a line under a grid of costs; the errors of the default costs are counted by kind (a symbol read as another, one
 * too many or too few). The digits are told apart and weighed by the digit verifier as expression mode does
 * ({@link SymbolChoice#withDigitsFrom}, {@link SymbolChoice#weighedBy}), and
 * the weight of the digit model against the symbol model's own digit shares is compared (1 is what the engine does).
 * The costs per digit of a long number and the rules for a slash or a 1 ({@link SlashOdds}) are compared too.
 * Not part of the build (the name is outside Surefire's patterns); run it with
 * {@code ./mvnw -pl corpus verify -Dtest=SymbolLatticeTuning -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dtuning.heavyPen=true} for the same hand with a heavy pen).
 */
class SymbolLatticeTuning {

    static final int COUNT = 300;
    static final SlashOdds SLASH = ExpressionLayout.SLASH_ODDS;
    /**
     * The training hand with a heavy pen ({@code -Dtuning.heavyPen=true}): points and digits that touch, which the
     * training hand's pens seldom make.
     */
    static final HandConfig HEAVY_PEN = new HandConfig("training, heavy pen", HandConfig.TRAINING.seed(),
            HandConfig.TRAINING.styles(), HandConfig.TRAINING.slant(), HandConfig.TRAINING.rotation(),
            HandConfig.TRAINING.height(), HandConfig.TRAINING.aspect(), Range.of(24, 40), HandConfig.TRAINING.tremor(),
            HandConfig.TRAINING.tremorModel(), HandConfig.TRAINING.wobble(), HandConfig.TRAINING.shapeSpread(),
            HandConfig.TRAINING.reverseChance(), HandConfig.TRAINING.reorderChance(),
            HandConfig.TRAINING.pointSpacing(), HandConfig.TRAINING.speed());
    /**
     * A wider spread of writers than {@link HandConfig#TRAINING} ({@code -Dtuning.hand=wide}): slant, rotation, size,
     * stretch, pen, glyph proportions, stroke order and pointer spacing as wide as the held-out hands', with the
     * training hands' tremor model and a seed of its own, so that costs chosen here are not chosen on one hand's
     * proportions (nor on the held-out lines).
     */
    static final HandConfig WIDE = new HandConfig("tuning, wide", 0x5EED_0042L, HandConfig.TRAINING.styles(),
            Range.of(-16, 26), Range.of(-10, 10), Range.of(0.35, 0.92), Range.of(0.75, 1.3), Range.of(8, 36),
            HandConfig.TRAINING.tremor(), HandConfig.TRAINING.tremorModel(), Range.of(0, 0.045), 1.2, 0.5, 0.5,
            Range.of(1.5, 8), Range.of(0.3, 2.0));
    /** Slash rules compared: the font lines' ({@link FontSlashTuning#VARIANTS}), on this hand's lines. */
    static final SlashOdds[] SLASH_VARIANTS = FontSlashTuning.VARIANTS;

    @Test
    void printTheExactShareForEachSetOfCostsAndTheErrorsOfTheDefault() throws Exception {
        String hand = System.getProperty("tuning.hand", Boolean.getBoolean("tuning.heavyPen") ? "heavy" : "training");
        ExpressionWriter writer = new ExpressionWriter(switch (hand) {
            case "heavy" -> HEAVY_PEN;
            case "wide" -> WIDE;
            default -> HandConfig.TRAINING;
        });
        Path missDir = Path.of("target/tuning-misses");
        Files.createDirectories(missDir);
        CanvasRasterizer canvas = new CanvasRasterizer();
        ExpressionLayout layout = new ExpressionLayout(InputLimits.DEFAULT);
        double[] symbolCosts = {-0.5, 0, 0.5};
        double[] unusualCosts = {0, 1, 2, 4, 8};
        double[] longCosts = {0, 0.5, 1, 2, 3, 5};
        int[] longExact = new int[longCosts.length];
        int[][] exact = new int[symbolCosts.length][unusualCosts.length];
        Map<String, Integer> errors = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int defaultExact = 0;
        int[] slashExact = new int[SLASH_VARIANTS.length];
        int[] mixedExact = new int[WEIGHTS.length];
        try (DjlRecognizer recognizer = ExpressionQualityTest.openCommittedModels()) {
            List<String> labels = recognizer.models().stream().filter(m -> m.name().equals("mathsketch-symbols"))
                    .findFirst().orElseThrow().labels();
            SymbolChoice choice = new SymbolChoice(labels);
            for (int i = 0; i < COUNT; i++) {
                HandwrittenExpression e = writer.write(100_000 + i);
                ExpressionLayout.Laid laid = layout.layout(canvas.png(e.ink()));
                float[][] probabilities = new float[laid.images().size()][];
                float[][] digitsRead = new float[laid.images().size()][];
                float[][] verified = new float[laid.images().size()][];
                for (int c = 0; c < probabilities.length; c++) {
                    probabilities[c] = read(recognizer, laid.images().get(c), "mathsketch-symbols");
                    digitsRead[c] = read(recognizer, laid.images().get(c), "mnist-cnn");
                    verified[c] = read(recognizer, laid.images().get(c), "mathsketch-digit-verifier");
                }
                float[][] shared = new float[probabilities.length][];
                for (int c = 0; c < shared.length; c++) {
                    shared[c] = choice.weighedBy(choice.withDigitsFrom(probabilities[c], digitsRead[c]), verified[c]);
                }
                for (int w = 0; w < WEIGHTS.length; w++) {
                    float[][] mixed = new float[probabilities.length][];
                    for (int c = 0; c < mixed.length; c++) {
                        mixed[c] = choice.weighedBy(mix(probabilities[c], digitsRead[c], WEIGHTS[w]), verified[c]);
                    }
                    mixedExact[w] += text(laid.read(mixed, choice)).equals(e.text()) ? 1 : 0;
                }
                for (int s = 0; s < symbolCosts.length; s++) {
                    for (int u = 0; u < unusualCosts.length; u++) {
                        String text = text(laid.read(shared, choice,
                                new SymbolLattice(symbolCosts[s], 0, 6, unusualCosts[u]), SLASH));
                        exact[s][u] += text.equals(e.text()) ? 1 : 0;
                    }
                }
                String read = text(laid.read(shared, choice));
                for (int l = 0; l < longCosts.length; l++) {
                    longExact[l] += text(laid.read(shared, choice, new SymbolLattice(0, 0, 6, 4, longCosts[l]), SLASH))
                            .equals(e.text()) ? 1 : 0;
                }
                for (int v = 0; v < SLASH_VARIANTS.length; v++) {
                    slashExact[v] += text(laid.read(shared, choice, new SymbolLattice(), SLASH_VARIANTS[v]))
                            .equals(e.text()) ? 1 : 0;
                }
                if (read.equals(e.text())) {
                    defaultExact++;
                } else {
                    for (String kind : differences(e.text(), read)) {
                        errors.merge(kind, 1, Integer::sum);
                    }
                    if (misses.size() < 40) {
                        misses.add(i + ": " + e.text() + " read " + read);
                        Files.write(missDir.resolve(hand + "-" + i + ".png"), canvas.png(e.ink()));
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("symbol cost \\ unusual cost (cut 0, width 6):");
        for (double u : unusualCosts) {
            table.append(String.format(Locale.ROOT, "%8.1f", u));
        }
        for (int s = 0; s < symbolCosts.length; s++) {
            table.append(String.format(Locale.ROOT, "%n%24.1f", symbolCosts[s]));
            for (int u = 0; u < unusualCosts.length; u++) {
                table.append(String.format(Locale.ROOT, "%7.1f%%", 100.0 * exact[s][u] / COUNT));
            }
        }
        table.append(String.format(Locale.ROOT, "%ndefault costs: %d/%d exact; errors (truth>read, +inserted, "
                + "-dropped):%n", defaultExact, COUNT));
        errors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(30).forEach(en -> table.append("  ").append(en.getKey()).append(' ').append(en.getValue())
                        .append('\n'));
        for (int l = 0; l < longCosts.length; l++) {
            table.append(String.format(Locale.ROOT, "long-number cost %.1f: %d exact%n", longCosts[l], longExact[l]));
        }
        for (int v = 0; v < SLASH_VARIANTS.length; v++) {
            table.append(String.format(Locale.ROOT, "%s: %d exact%n", SLASH_VARIANTS[v], slashExact[v]));
        }
        for (int w = 0; w < WEIGHTS.length; w++) {
            table.append(String.format(Locale.ROOT, "digit model weight %.2f: %d exact%n", WEIGHTS[w], mixedExact[w]));
        }
        table.append("misses:\n  ").append(String.join("\n  ", misses));
        System.out.println(table);
    }

    static String text(List<ExpressionLayout.Laid.Read> reads) {
        StringBuilder text = new StringBuilder();
        for (ExpressionLayout.Laid.Read r : reads) {
            text.append(r.choice().symbol().text());
        }
        return text.toString();
    }

    /** The edits from {@code truth} to {@code read} of a shortest alignment, as "a>b", "+b" and "-a". */
    static List<String> differences(String truth, String read) {
        int n = truth.length(), m = read.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (truth.charAt(i - 1) == read.charAt(j - 1) ? 0 : 1));
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = n, j = m; i > 0 || j > 0; ) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (truth.charAt(i - 1) == read.charAt(j - 1) ? 0 : 1)) {
                if (truth.charAt(i - 1) != read.charAt(j - 1)) {
                    out.add(truth.charAt(i - 1) + ">" + read.charAt(j - 1));
                }
                i--;
                j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                out.add("-" + truth.charAt(--i));
            } else {
                out.add("+" + read.charAt(--j));
            }
        }
        return out;
    }

    static final double[] WEIGHTS = {0, 0.25, 0.5, 0.75, 1};

    /**
     * The symbol model's digit mass shared among the digits by a geometric mix of both models' digit shares: weight 0
     * is the symbol model alone, 1 the digit model alone ({@link SymbolChoice#withDigitsFrom}).
     */
    static float[] mix(float[] symbols, float[] digits, double weight) {
        double mass = 0;
        for (int d = 0; d < 10; d++) {
            mass += symbols[d];
        }
        double[] share = new double[10];
        double total = 0;
        for (int d = 0; d < 10; d++) {
            share[d] = Math.pow(Math.max(1e-9, symbols[d] / mass), 1 - weight)
                    * Math.pow(Math.max(1e-9, digits[d]), weight);
            total += share[d];
        }
        float[] out = symbols.clone();
        for (int d = 0; d < 10; d++) {
            out[d] = (float) (mass * share[d] / total);
        }
        return out;
    }

    static float[] read(DjlRecognizer recognizer, DigitImage image, String model) throws RecognitionException {
        try {
            return recognizer.recognize(new RecognitionRequest(new RecognitionRequest.Input.Pixels(image.pixels()),
                    Optional.of(model), RecognitionRequest.Mode.DIGIT)).digits().getFirst().probabilities();
        } catch (RecognitionException.BlankImage e) {
            // Digit mode refuses a faint piece that expression mode reads; the lattice floors its scores.
            return new float[switch (model) {
                case "mnist-cnn" -> 10;
                case "mathsketch-digit-verifier" -> 11;
                default -> 18;
            }];
        }
    }
}
