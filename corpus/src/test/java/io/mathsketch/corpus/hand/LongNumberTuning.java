package io.mathsketch.corpus.hand;

import ai.djl.Device;
import ai.djl.repository.zoo.ZooModel;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.number.DigitPairs;
import io.mathsketch.engine.number.DigitScorer;
import io.mathsketch.engine.number.DigitVerifier;
import io.mathsketch.engine.number.LineScorer;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.preprocess.PairCentering;
import io.mathsketch.engine.segment.CandidateSegmenter;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.Candidates;
import io.mathsketch.engine.segment.ReadingSearch.Weights;
import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tuning aid for number mode's image path on long numbers, never run by the build ({@code ./mvnw -pl corpus verify
 * -Dtest=LongNumberTuning -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dper=} numbers per length, 40 by
 * default; {@code -Dweights=i:v,...} reading-search weights to try, each set of changes separated by {@code ;};
 * {@code -Dmisses=true} each miss with the shapes and scores of the digits the search chose): reads the page's PNG of
 * {@link InkNumberWriter.Config#LONG_TUNING}'s numbers ({@link LongNumberQualityTest}'s lengths; never its held-out
 * set) through number mode's reader with the committed digit model, verifier, pair reader and line reader, each
 * candidate and line read once, and prints how many each weights read exactly, per length.
 */
class LongNumberTuning {

    private static final List<String> DIGIT_MODELS = List.of("mnist-cnn", "mathsketch-digit-verifier",
            "mathsketch-digit-pairs");

    @Test
    void printTheExactSharePerLengthOfTheLongTuningNumbersPng() throws Exception {
        int per = Integer.getInteger("per", LongNumberQualityTest.PER_LENGTH);
        InkNumberWriter writer = new InkNumberWriter(InkNumberWriter.Config.LONG_TUNING);
        CanvasRasterizer canvas = new CanvasRasterizer();
        List<InkNumberWriter.Written> numbers = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        for (int digits : LongNumberQualityTest.LENGTHS) {
            for (int i = 0; i < per; i++) {
                InkNumberWriter.Written n = writer.number(digits * 1_000L + i, digits);
                numbers.add(n);
                pngs.add(canvas.png(n.ink()));
            }
        }
        ModelLoader loader = new ModelLoader("OnnxRuntime", Device.cpu(), 1);
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models())
                .models(DIGIT_MODELS).workers(1).batching(Batching.builder().queueCapacity(64).build()).build());
             ZooModel<float[][], float[][][]> lines = loader.loadLines(ModelFolder.open(
                     Checkout.models().resolve("mathsketch-line-reader"), "OnnxRuntime"))) {
            Map<String, DigitScorer> scorers = new HashMap<>();
            for (String model : DIGIT_MODELS) {
                scorers.put(model, new CachedDigitScorer(recognizer, model));
            }
            LineScorer line = MemoizedLineScorer.of(lines);
            report("default", numbers, pngs, per, Weights.DEFAULT, scorers, line, Boolean.getBoolean("misses"));
            for (String set : System.getProperty("weights", "").split(";")) {
                if (set.isBlank()) {
                    continue;
                }
                Weights w = Weights.DEFAULT;
                for (String change : set.split(",")) {
                    String[] iv = change.split(":");
                    w = w.with(Integer.parseInt(iv[0].trim()), Double.parseDouble(iv[1].trim()));
                }
                report(set, numbers, pngs, per, w, scorers, line, Boolean.getBoolean("misses"));
            }
        }
    }

    private static void report(String name, List<InkNumberWriter.Written> numbers, List<byte[]> pngs, int per,
                               Weights weights, Map<String, DigitScorer> scorers, LineScorer line, boolean misses)
            throws RecognitionException {
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        NumberReader reader = new NumberReader(preprocessor, InputLimits.DEFAULT, weights);
        int right = 0, unreachable = 0;
        int[] perLength = new int[LongNumberQualityTest.LENGTHS.length];
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            InkNumberWriter.Written n = numbers.get(i);
            String read;
            List<ScoredRegion> regions = List.of();
            try {
                regions = reader.read(pngs.get(i), scorers.get("mnist-cnn"),
                        scorers.get("mathsketch-digit-verifier"), scorers.get("mathsketch-digit-pairs"), line);
                StringBuilder text = new StringBuilder();
                for (ScoredRegion r : regions) {
                    text.append(DigitReading.winner(r.probabilities()));
                }
                read = text.toString();
            } catch (RecognitionException e) {
                read = e.getClass().getSimpleName();
            }
            boolean ok = read.equals(n.text());
            right += ok ? 1 : 0;
            perLength[i / per] += ok ? 1 : 0;
            if (!ok && misses) {
                StringBuilder why = new StringBuilder();
                boolean reachable = reachable(preprocessor, pngs.get(i), n.text(), scorers, weights, why);
                unreachable += reachable ? 0 : 1;
                missed.add(n.spacing() + " " + n.text() + " as " + read + (reachable ? " (reachable)" : "")
                        + "\n" + explain(preprocessor, pngs.get(i), regions) + (reachable ? "\n" + why : ""));
            }
        }
        System.out.printf(Locale.ROOT, "%-40s %d/%d per length %s%s%n", name, right, numbers.size(),
                Arrays.toString(perLength), misses ? ", misses no reading of the candidates spells: " + unreachable
                : "");
        missed.forEach(m -> System.out.println("  " + m));
    }

    /** Per digit answered: its label and shape in line heights, matched to the candidate whose box it has. */
    private static String explain(ImagePreprocessor preprocessor, byte[] png, List<ScoredRegion> regions)
            throws RecognitionException {
        InkCrop crop = preprocessor.lineCrop(png, 1 << 20);
        Candidates proposed = new CandidateSegmenter().propose(crop.ink(), 32);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "    line %.0f px, %d atoms:",
                proposed.lineHeight(), proposed.atoms()));
        for (ScoredRegion r : regions) {
            Box box = r.region().box();
            Candidate match = null;
            for (Candidate c : proposed.candidates()) {
                if (crop.toSource(c.box()).equals(box)) {
                    match = c;
                }
            }
            int label = DigitReading.winner(r.probabilities());
            b.append(match == null ? String.format(Locale.ROOT, " %d[pair/line %dx%d]", label, box.width(),
                    box.height()) : String.format(Locale.ROOT, " %d[w%.2f h%.2f g%.2f s%.2f p%.2f]", label,
                    match.width(), match.height(), match.gap(), match.secondStroke(), r.probabilities()[label]));
        }
        return b.toString();
    }

    /**
     * Whether some reading of the candidates (each read as the digit model's label weighed by the verifier, or when
     * wide enough as the pair reader's best pair) spells {@code text}: when none does, the miss is the candidate
     * generator's or the models', not the search's. When one does, the best such reading and the search's best are
     * appended to {@code why}, each choice with its label, shape and score.
     */
    private static boolean reachable(ImagePreprocessor preprocessor, byte[] png, String text,
                                     Map<String, DigitScorer> scorers, Weights w, StringBuilder why)
            throws RecognitionException {
        InkCrop crop = preprocessor.lineCrop(png, 1 << 20);
        Candidates proposed = new CandidateSegmenter().propose(crop.ink(), 32);
        List<Candidate> all = proposed.candidates();
        MnistCentering centering = new MnistCentering();
        PairCentering pairCentering = new PairCentering();
        int atoms = proposed.atoms(), len = text.length();
        // best[a][t]: the best score of a reading of atoms 0..a-1 spelling text 0..t-1 (t = len + 1: any text).
        double[][] best = new double[atoms + 1][len + 2];
        String[][] how = new String[atoms + 1][len + 2];
        for (double[] row : best) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        best[0][len + 1] = 0;
        how[0][0] = "";
        how[0][len + 1] = "";
        for (Candidate c : all) {
            DigitImage d = centering.center(proposed.cutout(c).ink());
            float[] p = scorers.get("mnist-cnn").probabilities(List.of(d))[0];
            float[] v = scorers.get("mathsketch-digit-verifier").probabilities(List.of(d))[0];
            int label = DigitReading.winner(DigitVerifier.weigh(p, v));
            char one = (char) ('0' + label);
            double prior = -w.wideCost() * Math.max(0, c.width() - w.wideFrom())
                    - w.shortCost() * Math.max(0, w.shortFrom() - c.height())
                    - w.gapCost() * Math.max(0, c.gap() - w.gapFrom())
                    - w.strokeCost() * Math.max(0, c.secondStroke() - w.strokeFrom());
            double conf = Math.log(Math.max(1e-6, p[label])), whole = w.wholeWeight() * Math.log(Math.max(1e-6,
                    v[label]));
            double oneScore = conf + prior + whole;
            String oneHow = String.format(Locale.ROOT, " %c[w%.2f h%.2f s%.2f c%.2f pr%.2f v%.2f]", one, c.width(),
                    c.height(), c.secondStroke(), conf, prior, whole);
            String two = null;
            double twoScore = 0;
            if (c.width() >= DigitPairs.MIN_WIDTH) {
                float[] q = scorers.get("mathsketch-digit-pairs").probabilities(
                        List.of(pairCentering.center(proposed.cutout(c).ink())))[0];
                int bp = DigitPairs.bestPair(q);
                two = "" + bp / 10 + bp % 10;
                twoScore = w.pairWeight() * Math.log(Math.max(1e-6, q[bp])) - w.pairCost();
            }
            String twoHow = String.format(Locale.ROOT, " %s[pair w%.2f %.2f]", two, c.width(), twoScore);
            for (int t = 0; t <= len + 1; t++) {
                if (best[c.from()][t] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                boolean any = t == len + 1;
                if (any || t < len && text.charAt(t) == one) {
                    int to = any ? t : t + 1;
                    if (best[c.from()][t] + oneScore > best[c.to()][to]) {
                        best[c.to()][to] = best[c.from()][t] + oneScore;
                        how[c.to()][to] = how[c.from()][t] + oneHow;
                    }
                }
                if (two != null && (any || text.startsWith(two, t))) {
                    int to = any ? t : t + 2;
                    if (best[c.from()][t] + twoScore > best[c.to()][to]) {
                        best[c.to()][to] = best[c.from()][t] + twoScore;
                        how[c.to()][to] = how[c.from()][t] + twoHow;
                    }
                }
            }
        }
        boolean reachable = best[atoms][len] > Double.NEGATIVE_INFINITY;
        if (reachable) {
            why.append(String.format(Locale.ROOT, "    true %.2f:%s%n    best %.2f:%s", best[atoms][len],
                    how[atoms][len], best[atoms][len + 1], how[atoms][len + 1]));
        }
        return reachable;
    }
}
