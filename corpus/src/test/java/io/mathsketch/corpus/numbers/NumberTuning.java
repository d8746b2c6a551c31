package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.segment.CandidateSegmenter;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.Candidates;
import io.mathsketch.engine.segment.ReadingSearch;
import io.mathsketch.engine.segment.ReadingSearch.Weights;
import io.mathsketch.engine.testing.Checkout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tuning aid, never run by the build ({@code NumberTuning [count [first]]}, {@code -Dexplain=true} to show the chosen
 * and the true reading of each miss, {@code -Dshapes=true} for the true digits' shapes per label): scores every
 * candidate of {@code count} numbers of {@link NumberConfig#TUNING} from number {@code first} once,
 * then tries the reading search's weights on them, printing how many numbers each reads exactly and, per kind, how
 * many the candidates could read at all (<em>reachable</em>: some reading whose every digit the model gets right) and
 * how many they could part at all (<em>segmentable</em>: some reading whose boxes are the true digits' boxes, whatever
 * the model reads in them). A miss that is not segmentable is the candidate generator's; one that is reachable, the
 * search's. With the digit verifier in the models folder ({@code -Dverifier=name}, {@code mathsketch-digit-verifier}
 * by default) every candidate is read by it too and each verifier term is tried at several weights; {@code -Dwhole=N}
 * picks the term the weights are then tuned with (1: P(not "none"), 2: its probability of the digit model's label,
 * what number mode uses; 3: labels by both models' product).
 */
final class NumberTuning {

    private record Scored(int index, String text, Candidates candidates, float[] confidence, int[] label,
                          NumberKind kind, boolean segmentable, float[] wholeNone, float[] wholeLabel,
                          int[] jointLabel, float[] jointConfidence) {

        /** The labels the search reads: the digit model's, or (term 3) those of both models' product. */
        int[] labels() {
            return wholeKind == 3 ? jointLabel : label;
        }

        float[] confidences() {
            return wholeKind == 3 ? jointConfidence : confidence;
        }

        float[] whole() {
            return switch (wholeKind) {
                case 1, 3 -> wholeNone;
                case 2 -> wholeLabel;
                default -> null;
            };
        }
    }

    /**
     * Which verifier term the search gets: 0 none, 1 P(not "none"), 2 the verifier's P(the digit model's label), 3 as 1
     * with the label that the product of both models' digit probabilities favours (confidence the digit model's).
     */
    private static int wholeKind;

    public static void main(String[] args) throws Exception {
        TuningNumbers tuning = TuningNumbers.from(args);
        int count = tuning.count();
        Path models = Checkout.models();
        NumberWriter writer = TuningNumbers.writer();
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        MnistCentering centering = new MnistCentering();
        List<Scored> scored = new ArrayList<>();
        String verifierName = System.getProperty("verifier", "mathsketch-digit-verifier");
        boolean verify = java.nio.file.Files.isDirectory(models.resolve(verifierName));
        try (DjlRecognizer recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(models)
                .model("mnist-cnn").workers(1).batching(Batching.builder().queueCapacity(64).build()).build());
             DjlRecognizer verifier = verify ? DjlRecognizer.open(EngineConfig.builder().modelsDirectory(models)
                .model(verifierName).workers(1).batching(Batching.builder().queueCapacity(64).build()).build())
                : null) {
            for (int i = tuning.first(); i < tuning.end(); i++) {
                WrittenNumber n = writer.number(i);
                InkCrop crop = preprocessor.inkCrop(n.png(), 1 << 20);
                Candidates c = new CandidateSegmenter().propose(crop.ink(), 32);
                float[] confidence = new float[c.candidates().size()];
                int[] label = new int[confidence.length];
                float[] wholeNone = new float[confidence.length], wholeLabel = new float[confidence.length];
                int[] jointLabel = new int[confidence.length];
                float[] jointConfidence = new float[confidence.length];
                for (int k = 0; k < confidence.length; k++) {
                    DigitImage d = centering.center(c.cutout(c.candidates().get(k)).ink());
                    float[] p = recognizer.recognize(RecognitionRequest.digit(new Input.Pixels(d.pixels())))
                            .digits().getFirst().probabilities();
                    for (int l = 0; l < p.length; l++) {
                        if (p[l] > confidence[k]) {
                            confidence[k] = p[l];
                            label[k] = l;
                        }
                    }
                    if (verifier != null) {
                        float[] v = verifier.recognize(RecognitionRequest.digit(new Input.Pixels(d.pixels())))
                                .digits().getFirst().probabilities();
                        wholeNone[k] = 1 - v[v.length - 1];
                        wholeLabel[k] = v[label[k]];
                        double bestJoint = -1;
                        for (int l = 0; l < p.length; l++) {
                            if (p[l] * v[l] > bestJoint) {
                                bestJoint = p[l] * v[l];
                                jointLabel[k] = l;
                                jointConfidence[k] = p[l];
                            }
                        }
                    }
                }
                scored.add(new Scored(i, n.text(), c, confidence, label, n.kind(),
                        segmentable(c, crop, n.boxes()), wholeNone, wholeLabel, jointLabel,
                        jointConfidence));
            }
        }
        int reachable = 0;
        Map<NumberKind, int[]> byKind = new EnumMap<>(NumberKind.class);
        for (Scored s : scored) {
            boolean r = reachable(s);
            reachable += r ? 1 : 0;
            int[] k = byKind.computeIfAbsent(s.kind(), x -> new int[3]);
            k[0] += r ? 1 : 0;
            k[1] += s.segmentable() ? 1 : 0;
            k[2]++;
        }
        System.out.printf("reachable: %d/%d%n", reachable, count);
        byKind.forEach((kind, k) -> System.out.printf("  %-11s reachable %d/%d, segmentable %d/%d%n", kind, k[0],
                k[2], k[1], k[2]));
        if (Boolean.getBoolean("shapes")) {
            shapes(scored);
        }
        // Coordinate descent over the weights, a few values each, twice round.
        double[][] values = {{0.8, 0.9, 1.0, 1.1, 1.2}, {2, 4, 8, 16}, {0.45, 0.55, 0.65, 0.75}, {5, 10, 20},
            {0.04, 0.08, 0.15}, {3, 6, 12, 24}, {0.5, 0.55, 0.6, 0.65, 0.7, 0.8}, {0, 2, 3, 5, 8, 12, 20},
            {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3}};
        wholeKind = 0;
        System.out.printf("without verifier: default %d/%d%n", right(scored, Weights.DEFAULT, false), count);
        if (verify) {
            for (int kind = 1; kind <= 3; kind++) {
                wholeKind = kind;
                if (kind == 3) {
                    System.out.printf("reachable with both models' labels: %d/%d%n",
                            scored.stream().filter(NumberTuning::reachable).count(), count);
                }
                for (double ww : values[8]) {
                    System.out.printf("verifier term %d, weight %.2f: %d/%d%n", kind, ww,
                            right(scored, Weights.DEFAULT.with(8, ww), false), count);
                }
            }
        }
        wholeKind = verify ? Integer.getInteger("whole", 2) : 0;
        Weights best = Weights.DEFAULT;
        int bestRight = right(scored, best, false);
        System.out.printf("default %d/%d (verifier term %d)%n", bestRight, count, wholeKind);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < values.length; i++) {
                for (double v : values[i]) {
                    Weights w = best.with(i, v);
                    int right = right(scored, w, false);
                    if (right > bestRight) {
                        bestRight = right;
                        best = w;
                    }
                }
            }
            System.out.printf("round %d: %d/%d with %s%n", round, bestRight, count, best);
        }
        right(scored, best, true);
    }

    private static int right(List<Scored> scored, Weights w, boolean print) {
        ReadingSearch search = new ReadingSearch(w);
        int right = 0;
        for (Scored s : scored) {
            StringBuilder read = new StringBuilder();
            for (int k : search.best(s.candidates(), s.confidences(), s.whole())) {
                read.append(s.labels()[k]);
            }
            if (read.toString().equals(s.text())) {
                right++;
            } else if (print) {
                System.out.println("  #" + s.index() + " " + s.kind() + " " + s.text() + " read " + read
                        + (reachable(s) ? "" : " (unreachable)") + (s.segmentable() ? "" : " (unsegmentable)"));
                if (reachable(s) && Boolean.getBoolean("explain")) {
                    System.out.println("    chosen: " + describe(s, search.best(s.candidates(), s.confidences(),
                            s.whole())));
                    System.out.println("    truth:  " + describe(s, truth(s)));
                }
            }
        }
        return right;
    }

    private static String describe(Scored s, int[] path) {
        StringBuilder b = new StringBuilder();
        for (int k : path) {
            Candidate c = s.candidates().candidates().get(k);
            b.append(String.format("[%d-%d '%d' p=%.3f w=%.2f h=%.2f g=%.2f s=%.2f] ", c.from(), c.to(),
                    s.labels()[k], s.confidences()[k], c.width(), c.height(), c.gap(), c.secondStroke()));
        }
        return b.toString();
    }

    /** Per label, quantiles of the true digits' width (line heights) and aspect (width over own height). */
    private static void shapes(List<Scored> scored) {
        List<List<double[]>> byLabel = new ArrayList<>();
        for (int l = 0; l < 10; l++) {
            byLabel.add(new ArrayList<>());
        }
        for (Scored s : scored) {
            if (!reachable(s)) {
                continue;
            }
            for (int k : truth(s)) {
                Candidate c = s.candidates().candidates().get(k);
                byLabel.get(s.label()[k]).add(new double[] {c.width(), c.width() / Math.max(c.height(), 0.5)});
            }
        }
        for (int l = 0; l < 10; l++) {
            List<double[]> v = byLabel.get(l);
            double[] w = v.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] a = v.stream().mapToDouble(x -> x[1]).sorted().toArray();
            System.out.printf("label %d n=%d width p50 %.2f p90 %.2f p97 %.2f max %.2f;"
                    + " aspect p50 %.2f p90 %.2f p97 %.2f max %.2f%n", l, w.length, q(w, 0.5), q(w, 0.9), q(w, 0.97), w[w.length - 1], q(a, 0.5), q(a, 0.9), q(a, 0.97),
                    a[a.length - 1]);
        }
    }

    private static double q(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** The best-scoring reading with the true digits (the search restricted to them). */
    private static int[] truth(Scored s) {
        List<Candidate> all = s.candidates().candidates();
        // Only the true path's labels count: a layered search by digit position.
        int atoms = s.candidates().atoms(), n = s.text().length();
        double[][] best = new double[atoms + 1][n + 1];
        int[][] via = new int[atoms + 1][n + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int k = 0; k < all.size(); k++) {
            Candidate c = all.get(k);
            for (int d = 0; d < n; d++) {
                if (best[c.from()][d] > Double.NEGATIVE_INFINITY && s.label()[k] == s.text().charAt(d) - '0') {
                    double v = best[c.from()][d] + Math.log(Math.max(1e-6, s.confidence()[k]));
                    if (v > best[c.to()][d + 1]) {
                        best[c.to()][d + 1] = v;
                        via[c.to()][d + 1] = k;
                    }
                }
            }
        }
        int[] path = new int[n];
        int at = atoms;
        for (int d = n; d > 0; d--) {
            path[d - 1] = via[at][d];
            at = all.get(via[at][d]).from();
        }
        return path;
    }

    /**
     * Whether some reading's boxes are the true digits' boxes: left and right sides within a tenth of the line height
     * (the true box holds the faint edge the candidate's stroke box leaves out).
     */
    private static boolean segmentable(Candidates c, InkCrop crop, List<Box> truth) {
        int atoms = c.atoms(), n = truth.size();
        double tolerance = Math.max(3, 0.1 * c.lineHeight() * crop.factor());
        boolean[][] can = new boolean[atoms + 1][n + 1];
        can[0][0] = true;
        for (Candidate k : c.candidates()) {
            Box b = crop.toSource(k.box());
            for (int d = 0; d < n; d++) {
                Box t = truth.get(d);
                if (can[k.from()][d] && Math.abs(b.x() - t.x()) <= tolerance
                        && Math.abs(b.x() + b.width() - t.x() - t.width()) <= tolerance) {
                    can[k.to()][d + 1] = true;
                }
            }
        }
        return can[atoms][n];
    }

    /** Whether some reading over the candidates has exactly the true digits. */
    private static boolean reachable(Scored s) {
        List<Candidate> all = s.candidates().candidates();
        int atoms = s.candidates().atoms(), n = s.text().length();
        boolean[][] can = new boolean[atoms + 1][n + 1];
        can[0][0] = true;
        for (int k = 0; k < all.size(); k++) {
            Candidate c = all.get(k);
            for (int d = 0; d < n; d++) {
                if (can[c.from()][d] && s.labels()[k] == s.text().charAt(d) - '0') {
                    can[c.to()][d + 1] = true;
                }
            }
        }
        return can[atoms][n];
    }
}
