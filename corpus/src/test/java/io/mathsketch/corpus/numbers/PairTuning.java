package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.number.DigitScorer;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.segment.ReadingSearch.Weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tuning aid for number mode's pair reader, never run by the build ({@code PairTuning [count [first]]},
 * {@code -Dpairs=folder} names the pair reader's model folder, {@code -Dpairs2=folder} a second one whose
 * probabilities are averaged with it; {@code -Dweights} and {@code -Dcosts} the values tried, comma-separated):
 * reads {@link TuningNumbers} with the digit model and the digit verifier, without and with the pair reader
 * ({@link PairModels}) at several of the reading search's pair weights and costs, each candidate scored by each
 * model once, and prints how many numbers each reads exactly, per kind.
 */
final class PairTuning {

    private static final double[] PAIR_WEIGHTS = values("weights", "1,2,3");
    private static final double[] PAIR_COSTS = values("costs", "0,0.5,1");

    public static void main(String[] args) throws Exception {
        TuningNumbers tuning = TuningNumbers.from(args);
        String pairs = PairModels.pairs();
        NumberWriter writer = TuningNumbers.writer();
        List<WrittenNumber> numbers = new ArrayList<>();
        for (int i = tuning.first(); i < tuning.end(); i++) {
            numbers.add(writer.number(i));
        }
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        try (DjlRecognizer recognizer = PairModels.open(pairs)) {
            Map<String, float[][]> memo = new HashMap<>();
            System.out.println("without the pair reader: " + score(numbers, preprocessor, Weights.DEFAULT, recognizer,
                    memo, null));
            for (double weight : PAIR_WEIGHTS) {
                for (double cost : PAIR_COSTS) {
                    Weights w = Weights.DEFAULT.with(9, weight).with(10, cost);
                    System.out.printf("pair weight %.2f cost %.2f: %s%n", weight, cost,
                            score(numbers, preprocessor, w, recognizer, memo, pairs));
                }
            }
        }
    }

    /** The values of system property {@code name}, comma-separated, or {@code defaults}. */
    private static double[] values(String name, String defaults) {
        return Arrays.stream(System.getProperty(name, defaults).split(",")).mapToDouble(Double::parseDouble)
                .toArray();
    }

    private static String score(List<WrittenNumber> numbers, ImagePreprocessor preprocessor, Weights weights,
                                DjlRecognizer recognizer, Map<String, float[][]> memo, String pairs) {
        NumberReader reader = new NumberReader(preprocessor, InputLimits.DEFAULT, weights);
        Map<NumberKind, int[]> byKind = new EnumMap<>(NumberKind.class);
        int right = 0;
        for (int i = 0; i < numbers.size(); i++) {
            WrittenNumber n = numbers.get(i);
            String read;
            try {
                StringBuilder text = new StringBuilder();
                for (ScoredRegion r : reader.read(n.png(), scorer(recognizer, memo, i, "mnist-cnn"),
                        scorer(recognizer, memo, i, "mathsketch-digit-verifier"),
                        pairs == null ? null : pairReader(recognizer, memo, i, pairs))) {
                    text.append(DigitReading.winner(r.probabilities()));
                }
                read = text.toString();
            } catch (RecognitionException e) {
                read = e.getClass().getSimpleName();
            }
            boolean ok = read.equals(n.text());
            right += ok ? 1 : 0;
            int[] k = byKind.computeIfAbsent(n.kind(), x -> new int[2]);
            k[0] += ok ? 1 : 0;
            k[1]++;
        }
        StringBuilder b = new StringBuilder(right + "/" + numbers.size());
        byKind.forEach((kind, k) -> b.append(String.format(" %s %d/%d", kind, k[0], k[1])));
        return b.toString();
    }

    /**
     * The pair reader's probabilities, or with {@code -Dpairs2} the mean of both pair readers' ({@code -Dshare}: the
     * second's share, 0.5 by default; {@code -Dgeometric=true}: the weighted geometric mean, renormalised).
     */
    private static DigitScorer pairReader(DjlRecognizer recognizer, Map<String, float[][]> memo, int i, String pairs) {
        if (PairModels.second().isEmpty()) {
            return scorer(recognizer, memo, i, pairs);
        }
        String second = PairModels.second().get();
        double share = Double.parseDouble(System.getProperty("share", "0.5"));
        boolean geometric = Boolean.getBoolean("geometric");
        return digits -> {
            float[][] a = scorer(recognizer, memo, i, pairs).probabilities(digits);
            float[][] b = scorer(recognizer, memo, i, second).probabilities(digits);
            float[][] mean = new float[a.length][];
            for (int k = 0; k < a.length; k++) {
                mean[k] = new float[a[k].length];
                double total = 0;
                for (int c = 0; c < a[k].length; c++) {
                    mean[k][c] = (float) (geometric ? Math.pow(a[k][c], 1 - share) * Math.pow(b[k][c], share)
                            : (1 - share) * a[k][c] + share * b[k][c]);
                    total += mean[k][c];
                }
                for (int c = 0; c < a[k].length && total > 0; c++) {
                    mean[k][c] /= (float) total;
                }
            }
            return mean;
        };
    }

    /** The model's probabilities for number {@code i}'s candidates, read once and then remembered. */
    private static DigitScorer scorer(DjlRecognizer recognizer, Map<String, float[][]> memo, int i, String model) {
        return digits -> {
            float[][] known = memo.get(model + "#" + i);
            if (known != null && known.length == digits.size()) {
                return known;
            }
            float[][] read = new float[digits.size()][];
            for (int k = 0; k < read.length; k++) {
                read[k] = read(recognizer, digits.get(k), model);
            }
            memo.put(model + "#" + i, read);
            return read;
        };
    }

    private static float[] read(DjlRecognizer recognizer, DigitImage image, String model) throws RecognitionException {
        try {
            return recognizer.recognize(new RecognitionRequest(new Input.Pixels(image.pixels()), Optional.of(model),
                    RecognitionRequest.Mode.DIGIT)).digits().getFirst().probabilities();
        } catch (RecognitionException.BlankImage e) {
            int labels = recognizer.models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow()
                    .labels().size();
            return new float[labels];
        }
    }
}
