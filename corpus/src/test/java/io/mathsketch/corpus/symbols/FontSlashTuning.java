package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.fonts.DigitFont;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.symbols.SlashOdds;
import io.mathsketch.engine.symbols.SymbolChoice;
import io.mathsketch.engine.symbols.SymbolLattice;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The slash people write for division, and 1s beside it, as other people's handwriting and print shape them: short
 * expressions typed in the installed fonts ({@link DigitFont}), at two sizes, sheared as slanted writing is and turned a
 * little, read in expression mode by the committed models with each slash rule of {@link #VARIANTS}. The expression
 * writer's slashes all start a little below the digits' tops and end near the baseline; a font's often run from
 * above the digits to below them. The fonts are split: {@link #TUNING} chooses a rule, the others are held out.
 * Not part of the build (outside Surefire's patterns); {@code -Dtuning.fonts=held-out} reads the held-out fonts,
 * {@code -Dtuning.lines=6x7,4·5} other lines ({@code x} and {@code ·} are read as ×):
 * {@code ./mvnw -pl corpus verify -Dtest=FontSlashTuning -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FontSlashTuning {

    /** Fonts the slash rule may be chosen on; every other {@link DigitFont} is held out. */
    static final List<DigitFont> TUNING = List.of(DigitFont.DKG_HANDWRITING, DigitFont.RUFSCRIPT, DigitFont.STEVE,
            DigitFont.BECAUSE_WE_BUILD, DigitFont.BECAUSE_WE_CREATE, DigitFont.BECAUSE_WE_MENTOR,
            DigitFont.DANCING_SCRIPT, DigitFont.DEJAVU_SANS, DigitFont.LIBERATION_SANS, DigitFont.LIBERATION_MONO);
    static final List<String> LINES = List.of("9/3", "8/2", "12/4", "7/1", "1/5", "36/12", "10/5", "1/1", "11+1",
            "71-17", "4×1", "1+1=2");
    static final float[] SIZES = {90, 130};
    static final double[] SHEARS = {-0.12, 0, 0.12};
    static final double[] TURNS = {-3, 3};
    /**
     * The rules compared: the model alone, the rule fitted on the training hand's strokes alone (the default until
     * 2026-12-05), then with a stroke's reach above the line's top and below its baseline weighed in; the default now
     * is the sixth.
     */
    static final SlashOdds[] VARIANTS = {SlashOdds.MODEL, new SlashOdds(0.6, 4.6, 0, 60, 0, 0, 0, -2.7),
        new SlashOdds(0.6, 4.6, 0, 60, 0, 60, 0, -2.7), new SlashOdds(0.6, 4.6, 0, 60, 0, 75, 15, -2.7),
        new SlashOdds(0.6, 4.6, 0, 60, 0, 90, 30, -2.7), new SlashOdds(0.6, 4.6, 0, 60, 0, 105, 45, -2.7),
        new SlashOdds(0.6, 4.6, 0, 60, 0, 90, 30, -2.2), new SlashOdds(1, 4.6, 0, 60, 0, 90, 30, -2.7),
        new SlashOdds(0.6, 4.6, 0, 60, 0, 60, 30, -2.7), new SlashOdds(0.6, 4.6, 0, 60, 0, 120, 30, -2.7)};

    /** {@link #LINES}, or the comma-separated lines of {@code -Dtuning.lines}. */
    static List<String> lines() {
        String lines = System.getProperty("tuning.lines", "");
        return lines.isBlank() ? LINES : List.of(lines.split(","));
    }

    @Test
    void printTheExactShareOfEachSlashRule() throws Exception {
        boolean heldOut = "held-out".equals(System.getProperty("tuning.fonts"));
        List<DigitFont> fonts = Arrays.stream(DigitFont.values()).filter(f -> TUNING.contains(f) != heldOut).toList();
        ExpressionLayout layout = new ExpressionLayout(InputLimits.DEFAULT);
        int[] exact = new int[VARIANTS.length];
        int[][] slashLines = new int[VARIANTS.length][2];
        int lines = 0;
        StringBuilder perFont = new StringBuilder();
        try (DjlRecognizer recognizer = ExpressionQualityTest.openCommittedModels()) {
            List<String> labels = recognizer.models().stream().filter(m -> m.name().equals("mathsketch-symbols"))
                    .findFirst().orElseThrow().labels();
            SymbolChoice choice = new SymbolChoice(labels);
            for (DigitFont font : fonts) {
                int[] fontExact = new int[VARIANTS.length];
                int fontLines = 0;
                for (String line : lines()) {
                    if (!TypedExpressions.typeable(font.font(12), line)) {
                        continue;
                    }
                    String truth = line.replace('/', '÷').replace('-', '−').replace('x', '×').replace('·', '×');
                    for (float size : SIZES) {
                        for (double shear : SHEARS) {
                            for (double turn : TURNS) {
                                ExpressionLayout.Laid laid = layout.layout(TypedExpressions.png(font.font(size), line, shear, turn));
                                float[][] shared = new float[laid.images().size()][];
                                for (int c = 0; c < shared.length; c++) {
                                    shared[c] = choice.weighedBy(choice.withDigitsFrom(
                                            SymbolLatticeTuning.read(recognizer, laid.images().get(c), "mathsketch-symbols"),
                                            SymbolLatticeTuning.read(recognizer, laid.images().get(c), "mnist-cnn")),
                                            SymbolLatticeTuning.read(recognizer, laid.images().get(c),
                                                    "mathsketch-digit-verifier"));
                                }
                                fontLines++;
                                for (int v = 0; v < VARIANTS.length; v++) {
                                    boolean right = SymbolLatticeTuning.text(laid.read(shared, choice,
                                            new SymbolLattice(), VARIANTS[v])).equals(truth);
                                    fontExact[v] += right ? 1 : 0;
                                    slashLines[v][line.contains("/") ? 0 : 1] += right ? 1 : 0;
                                }
                            }
                        }
                    }
                }
                lines += fontLines;
                perFont.append(String.format(Locale.ROOT, "%-20s %4d lines:", font.family(), fontLines));
                for (int v = 0; v < VARIANTS.length; v++) {
                    exact[v] += fontExact[v];
                    perFont.append(String.format(Locale.ROOT, " %4d", fontExact[v]));
                }
                perFont.append('\n');
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%s fonts, %d lines%n",
                heldOut ? "held-out" : "tuning", lines));
        for (int v = 0; v < VARIANTS.length; v++) {
            report.append(String.format(Locale.ROOT, "%d %s: %d exact (with a slash %d, without %d)%n", v,
                    VARIANTS[v], exact[v], slashLines[v][0], slashLines[v][1]));
        }
        System.out.println(report.append(perFont));
    }
}
