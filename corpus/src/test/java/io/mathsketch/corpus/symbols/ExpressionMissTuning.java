package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.symbols.Mark;
import io.mathsketch.engine.symbols.SymbolChoice;
import io.mathsketch.engine.symbols.SymbolLattice;
import io.mathsketch.engine.symbols.SymbolSegmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Why the reader misses the lines it misses, on tuning lines only ({@code -Dtuning.hand=wide|training|heavy}, as
 * {@link SymbolLatticeTuning} draws them; never the held-out lines): each symbol of a missed line is drawn alone to
 * learn which ink is whose, and the line's candidates are matched to the symbols (a candidate is a symbol's when it
 * holds at least {@value #COVER} of its ink and at most {@value #FOREIGN} of others'). A miss is then
 * <ul>
 *   <li><b>touching</b>: some symbol has no candidate, and its ink is in one mark with another symbol's (the cuts
 *   of a wide mark did not part them);</li>
 *   <li><b>unsegmented</b>: some symbol has no candidate for another reason (its parts never joined), or every
 *   symbol has one but no run of them covers the line;</li>
 *   <li><b>misread</b>: the true candidates are there, and the line read over them alone is still wrong (the model's
 *   symbols, e.g. a 1 read as 7);</li>
 *   <li><b>misgrouped</b>: read over the true candidates alone the line is right, so the lattice preferred another
 *   grouping.</li>
 * </ul>
 * Not part of the build; run it with {@code ./mvnw -pl corpus -am verify -Dtest=ExpressionMissTuning
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtuning.hand=wide}.
 */
class ExpressionMissTuning {

    static final double COVER = 0.8;
    static final double FOREIGN = 0.2;
    /** A mark holding this share of two symbols' ink makes them touch. */
    static final double SHARE = 0.3;
    static final double[] VERIFIER_WEIGHTS = {0.25, 0.5, 1, 2};

    /** The digits' probabilities times the verifier's for that digit (or for any whole digit) to a power. */
    static float[] verify(float[] probabilities, float[] verifier, SymbolChoice choice, double weight, boolean any) {
        float[] out = probabilities.clone();
        for (int d = 0; d < 10; d++) {
            int i = choice.labelIndex(io.mathsketch.engine.expression.Symbol.digit(d));
            double v = any ? 1 - verifier[10] : verifier[d];
            out[i] = (float) (out[i] * Math.pow(Math.max(1e-6, v), weight));
        }
        return out;
    }

    static final double[] CUT_COSTS = {0, 0.5, 1, 2, 3, 4};

    @Test
    void printTheMissesByKind() throws Exception {
        String hand = System.getProperty("tuning.hand", "wide");
        HandConfig config = switch (hand) {
            case "heavy" -> SymbolLatticeTuning.HEAVY_PEN;
            case "wide" -> SymbolLatticeTuning.WIDE;
            default -> HandConfig.TRAINING;
        };
        int count = Integer.getInteger("tuning.count", SymbolLatticeTuning.COUNT);
        ExpressionWriter writer = new ExpressionWriter(config);
        Path missDir = Path.of("target/tuning-misses");
        Files.createDirectories(missDir);
        CanvasRasterizer canvas = new CanvasRasterizer();
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        ExpressionLayout layout = new ExpressionLayout(preprocessor);
        SymbolSegmenter segmenter = new SymbolSegmenter(ExpressionLayout.MAX_SYMBOLS);
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, Integer> details = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        int exact = 0;
        int[] cutExact = new int[CUT_COSTS.length];
        int noVerifierExact = 0;
        int[][] verifierExact = new int[VERIFIER_WEIGHTS.length][2];
        try (DjlRecognizer recognizer = ExpressionQualityTest.openCommittedModels()) {
            List<String> labels = recognizer.models().stream().filter(m -> m.name().equals("mathsketch-symbols"))
                    .findFirst().orElseThrow().labels();
            SymbolChoice choice = new SymbolChoice(labels);
            for (int i = 0; i < count; i++) {
                HandwrittenExpression e = writer.write(100_000 + i);
                byte[] png = canvas.png(e.ink());
                ExpressionLayout.Laid laid = layout.layout(png);
                int n = laid.images().size();
                float[][] base = new float[n][];
                float[][] verified = new float[n][];
                float[][] shared = new float[n][];
                for (int c = 0; c < n; c++) {
                    base[c] = choice.withDigitsFrom(
                            SymbolLatticeTuning.read(recognizer, laid.images().get(c), "mathsketch-symbols"),
                            SymbolLatticeTuning.read(recognizer, laid.images().get(c), "mnist-cnn"));
                    verified[c] = SymbolLatticeTuning.read(recognizer, laid.images().get(c),
                            "mathsketch-digit-verifier");
                    shared[c] = choice.weighedBy(base[c], verified[c]);
                }
                String read = SymbolLatticeTuning.text(laid.read(shared, choice));
                noVerifierExact += SymbolLatticeTuning.text(laid.read(base, choice)).equals(e.text()) ? 1 : 0;
                for (int v = 0; v < VERIFIER_WEIGHTS.length; v++) {
                    for (int kind = 0; kind < 2; kind++) {
                        float[][] weighed = new float[n][];
                        for (int c = 0; c < n; c++) {
                            weighed[c] = verify(base[c], verified[c], choice, VERIFIER_WEIGHTS[v], kind == 1);
                        }
                        verifierExact[v][kind] += SymbolLatticeTuning.text(laid.read(weighed, choice))
                                .equals(e.text()) ? 1 : 0;
                    }
                }
                for (int k = 0; k < CUT_COSTS.length; k++) {
                    cutExact[k] += SymbolLatticeTuning.text(laid.read(shared, choice, new SymbolLattice(0,
                            CUT_COSTS[k], 6, 4, 2), ExpressionLayout.SLASH_ODDS)).equals(e.text()) ? 1 : 0;
                }
                if (read.equals(e.text())) {
                    exact++;
                    continue;
                }
                Owners owners = owners(e, preprocessor.inkCrop(png, 1 << 20), canvas, preprocessor);
                List<SymbolLattice.Candidate> candidates = laid.candidates();
                int[] match = new int[n];
                boolean[] found = new boolean[e.symbols().size()];
                int pieces = 0;
                for (int c = 0; c < n; c++) {
                    match[c] = owners.match(candidates.get(c).group());
                    if (match[c] >= 0) {
                        found[match[c]] = true;
                    }
                    pieces = Math.max(pieces, candidates.get(c).to());
                }
                String kind, detail;
                if (!covers(candidates, match, pieces, e.symbols().size())) {
                    int missing = -1;
                    for (int k = 0; k < found.length && missing < 0; k++) {
                        missing = found[k] ? -1 : k;
                    }
                    List<Mark> marks = segmenter.marks(owners.full.ink());
                    int touching = missing < 0 ? -1 : owners.touching(missing, marks);
                    if (touching >= 0) {
                        kind = "touching";
                        double parted = owners.columnParted(Math.min(missing, touching), Math.max(missing, touching),
                                marks);
                        detail = "touching " + pair(e, missing, touching) + (parted >= COVER ? " (a column parts them)"
                                : " (no column parts them)");
                    } else {
                        kind = "unsegmented";
                        detail = missing < 0 ? "unsegmented: no run" : "unsegmented "
                                + e.symbols().get(missing).symbol().text() + " (" + e.symbols().get(missing).strokes()
                                + " strokes)";
                    }
                } else {
                    float[][] only = new float[n][];
                    for (int c = 0; c < n; c++) {
                        only[c] = match[c] >= 0 ? shared[c] : new float[shared[c].length];
                    }
                    String forced = SymbolLatticeTuning.text(laid.read(only, choice));
                    if (forced.equals(e.text())) {
                        kind = "misgrouped";
                        detail = "misgrouped " + String.join(" ", SymbolLatticeTuning.differences(e.text(), read));
                    } else {
                        kind = "misread";
                        detail = "misread " + String.join(" ", SymbolLatticeTuning.differences(e.text(), forced));
                    }
                }
                kinds.merge(kind, 1, Integer::sum);
                details.merge(detail, 1, Integer::sum);
                StringBuilder cuts = new StringBuilder();
                for (SymbolLattice.Candidate c : candidates) {
                    if (!c.whole() && c.to() == c.from() + 1) {
                        cuts.append(' ').append(c.group().box().x()).append('-')
                                .append(c.group().box().x() + c.group().box().width());
                    }
                }
                lines.add(i + ": " + e.text() + " read " + read + "  [" + detail + "] " + owners.note()
                        + String.format(" line %.0f; pieces", laid.geometry().lineHeight()) + cuts);
                Files.write(missDir.resolve(hand + "-" + i + "-" + kind + ".png"), png);
            }
        }
        StringBuilder out = new StringBuilder(String.format("%s hand: %d/%d exact%nkinds: %s%n", hand, exact, count,
                kinds));
        details.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .forEach(en -> out.append("  ").append(en.getValue()).append("  ").append(en.getKey()).append('\n'));
        for (int k = 0; k < CUT_COSTS.length; k++) {
            out.append(String.format("cut cost %.1f: %d exact%n", CUT_COSTS[k], cutExact[k]));
        }
        out.append(String.format("without the verifier: %d exact%n", noVerifierExact));
        for (int v = 0; v < VERIFIER_WEIGHTS.length; v++) {
            out.append(String.format("verifier weight %.2f: its digit %d, not none %d exact%n", VERIFIER_WEIGHTS[v],
                    verifierExact[v][0], verifierExact[v][1]));
        }
        out.append("misses:\n  ").append(String.join("\n  ", lines));
        System.out.println(out);
    }

    private static String pair(HandwrittenExpression e, int a, int b) {
        String x = kindOf(e.symbols().get(Math.min(a, b)).symbol().text());
        String y = kindOf(e.symbols().get(Math.max(a, b)).symbol().text());
        return x + "|" + y;
    }

    private static String kindOf(String symbol) {
        return Character.isDigit(symbol.charAt(0)) ? "digit" : symbol;
    }

    /** Whether a run of candidates, each the next symbol's, covers the line's pieces. */
    private static boolean covers(List<SymbolLattice.Candidate> candidates, int[] match, int pieces, int symbols) {
        boolean[][] reach = new boolean[pieces + 1][symbols + 1];
        reach[0][0] = true;
        for (int c = 0; c < candidates.size(); c++) {
            SymbolLattice.Candidate cand = candidates.get(c);
            int k = match[c];
            if (k >= 0 && reach[cand.from()][k]) {
                reach[cand.to()][k + 1] = true;
            }
        }
        return reach[pieces][symbols];
    }

    /** Which symbols' ink (each drawn alone) lies on each ink pixel of the line's crop. */
    private static Owners owners(HandwrittenExpression e, InkCrop full, CanvasRasterizer canvas,
                                 ImagePreprocessor preprocessor) throws Exception {
        if (full.factor() != 1) {
            throw new IllegalStateException("line shrunk: " + full.factor());
        }
        InkImage image = full.ink();
        int w = image.width(), h = image.height();
        long[] owner = new long[w * h];
        int[] size = new int[e.symbols().size()];
        List<Stroke> strokes = e.ink().strokes();
        int next = 0;
        for (int k = 0; k < e.symbols().size(); k++) {
            int m = e.symbols().get(k).strokes();
            Ink alone = new Ink(strokes.subList(next, next + m), e.ink().width(), e.ink().height(),
                    e.ink().penWidth());
            next += m;
            InkCrop crop = preprocessor.inkCrop(canvas.png(alone), 1 << 20);
            InkImage a = crop.ink();
            for (int y = 0; y < a.height(); y++) {
                for (int x = 0; x < a.width(); x++) {
                    int fx = crop.x() - full.x() + x, fy = crop.y() - full.y() + y;
                    if (a.at(x, y) >= MnistCentering.INK_THRESHOLD && fx >= 0 && fy >= 0 && fx < w && fy < h
                            && image.at(fx, fy) >= MnistCentering.INK_THRESHOLD) {
                        owner[fy * w + fx] |= 1L << k;
                        size[k]++;
                    }
                }
            }
        }
        return new Owners(full, owner, size, new StringBuilder());
    }

    private record Owners(InkCrop full, long[] owner, int[] size, StringBuilder note) {

        /** The symbol whose ink the candidate is, or -1. */
        int match(io.mathsketch.engine.symbols.SymbolGroup group) {
            Box b = group.box();
            InkImage ink = group.ink();
            int w = full.ink().width();
            int[] mine = new int[size.length];
            int total = 0;
            List<Integer> pixels = new ArrayList<>();
            for (int y = 0; y < ink.height(); y++) {
                for (int x = 0; x < ink.width(); x++) {
                    if (ink.at(x, y) >= MnistCentering.INK_THRESHOLD) {
                        pixels.add((b.y() + y) * w + b.x() + x);
                    }
                }
            }
            for (int p : pixels) {
                long o = owner[p];
                if (o != 0) {
                    total++;
                    for (int k = 0; k < size.length; k++) {
                        if ((o & (1L << k)) != 0) {
                            mine[k]++;
                        }
                    }
                }
            }
            for (int k = 0; k < size.length; k++) {
                if (size[k] > 0 && mine[k] >= COVER * size[k] && total - mine[k] <= FOREIGN * total) {
                    return k;
                }
            }
            return -1;
        }

        /**
         * How well one upright cut can part symbols {@code left} and {@code right} where they share a mark: the best,
         * over the mark's columns, of the lesser of the share of the left one's ink left of it and the right one's
         * right of it.
         */
        double columnParted(int left, int right, List<Mark> marks) {
            int w = full.ink().width();
            double best = 0;
            note.setLength(0);
            for (Mark m : marks) {
                int x0 = m.box().x(), width = m.box().width();
                int[] leftInk = new int[width + 1], rightInk = new int[width + 1];
                int l = 0, r = 0;
                for (int p : m.pixels()) {
                    int x = p % w - x0;
                    if ((owner[p] & (1L << left)) != 0) {
                        leftInk[x + 1]++;
                        l++;
                    }
                    if ((owner[p] & (1L << right)) != 0) {
                        rightInk[x + 1]++;
                        r++;
                    }
                }
                if (l < SHARE * size[left] || r < SHARE * size[right]) {
                    continue;
                }
                int leftOf = 0, rightOf = 0;
                for (int x = 0; x <= width; x++) {
                    leftOf += leftInk[x];
                    rightOf += rightInk[x];
                    double here = Math.min((double) leftOf / l, (double) (r - rightOf) / r);
                    if (here > best) {
                        best = here;
                        note.setLength(0);
                        note.append("mark x ").append(x0).append("-").append(x0 + width).append(" best column ")
                                .append(x0 + x).append(String.format(" (%.2f)", here));
                    }
                }
            }
            return best;
        }

        /** Another symbol sharing a mark with symbol {@code k}, or -1. */
        int touching(int k, List<Mark> marks) {
            for (Mark m : marks) {
                int[] mine = new int[size.length];
                for (int p : m.pixels()) {
                    for (int j = 0; j < size.length; j++) {
                        if ((owner[p] & (1L << j)) != 0) {
                            mine[j]++;
                        }
                    }
                }
                if (mine[k] < SHARE * size[k]) {
                    continue;
                }
                for (int j = 0; j < size.length; j++) {
                    if (j != k && size[j] > 0 && mine[j] >= SHARE * size[j]) {
                        return j;
                    }
                }
            }
            return -1;
        }
    }
}
