package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.number.DigitPairs;
import io.mathsketch.engine.number.DigitScorer;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.preprocess.PairCentering;
import io.mathsketch.engine.segment.CandidateSegmenter;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.Candidates;

import java.util.List;
import java.util.Optional;

/**
 * Tuning aid, never run by the build ({@code PairMisses [count [first]]}, {@code -Dpairs=folder}): reads
 * {@link TuningNumbers} with the {@link PairModels} and, for each miss, prints for every two neighbouring true digits
 * the candidate nearest their box: how far off (in tolerances, as the pair reader's labelling measures it), its width
 * in line heights, the digit model's reading of it and the pair reader's best pair and its probability of the true
 * pair.
 */
final class PairMisses {

    public static void main(String[] args) throws Exception {
        TuningNumbers numbers = TuningNumbers.from(args);
        String pairs = PairModels.pairs();
        NumberWriter writer = TuningNumbers.writer();
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        NumberReader reader = new NumberReader(preprocessor, InputLimits.DEFAULT);
        MnistCentering centering = new MnistCentering();
        PairCentering pairCentering = new PairCentering();
        int right = 0;
        try (DjlRecognizer recognizer = PairModels.open(pairs)) {
            for (int i = numbers.first(); i < numbers.end(); i++) {
                WrittenNumber n = writer.number(i);
                StringBuilder read = new StringBuilder();
                for (ScoredRegion r : reader.read(n.png(), scorer(recognizer, "mnist-cnn"),
                        scorer(recognizer, "mathsketch-digit-verifier"), scorer(recognizer, pairs))) {
                    read.append(best(r.probabilities(), 10));
                }
                if (read.toString().equals(n.text())) {
                    right++;
                    continue;
                }
                System.out.printf("#%d %s %s truth %s read %s%n", i, n.kind(), n.source(), n.text(), read);
                InkCrop crop = preprocessor.inkCrop(n.png(), 1 << 20);
                Candidates c = new CandidateSegmenter().propose(crop.ink(), 32);
                double tolerance = Math.max(3, 0.1 * c.lineHeight() * crop.factor());
                List<Box> boxes = n.boxes();
                for (int d = 0; d + 1 < boxes.size(); d++) {
                    Box l = boxes.get(d), r = boxes.get(d + 1);
                    int x0 = Math.min(l.x(), r.x()), y0 = Math.min(l.y(), r.y());
                    int x1 = Math.max(l.x() + l.width(), r.x() + r.width());
                    int y1 = Math.max(l.y() + l.height(), r.y() + r.height());
                    Box target = new Box(x0, y0, x1 - x0, y1 - y0);
                    Candidate nearest = null;
                    double off = Double.POSITIVE_INFINITY;
                    for (Candidate k : c.candidates()) {
                        Box b = crop.toSource(k.box());
                        double o = Math.max(Math.max(Math.abs(b.x() - target.x()),
                                        Math.abs(b.x() + b.width() - target.x() - target.width())),
                                Math.max(Math.abs(b.y() - target.y()),
                                        Math.abs(b.y() + b.height() - target.y() - target.height())));
                        if (o < off) {
                            off = o;
                            nearest = k;
                        }
                    }
                    int truePair = (n.text().charAt(d) - '0') * 10 + n.text().charAt(d + 1) - '0';
                    DigitImage single = centering.center(c.cutout(nearest).ink());
                    float[] p = read(recognizer, single, "mnist-cnn");
                    float[] q = read(recognizer, pairCentering.center(c.cutout(nearest).ink()), pairs);
                    int bp = best(q, 101);
                    System.out.printf("   pair %s%s off %.1f tol w=%.2f h=%.2f digit '%d' %.3f pair %s %.3f true %.3f"
                                    + " (gapPx %d, %s/%s wide %.2f/%.2f lh)%n",
                            n.text().charAt(d), n.text().charAt(d + 1), off / tolerance, nearest.width(),
                            nearest.height(), best(p, 10), p[best(p, 10)], DigitPairs.LABELS.get(bp), q[bp],
                            q[truePair], r.x() - (l.x() + l.width()), n.sources().get(d), n.sources().get(d + 1),
                            l.width() / (c.lineHeight() * crop.factor()), r.width() / (c.lineHeight() * crop.factor()));
                }
            }
        }
        System.out.printf("read %d/%d%n", right, numbers.count());
    }

    private static DigitScorer scorer(DjlRecognizer recognizer, String model) {
        return digits -> {
            float[][] read = new float[digits.size()][];
            for (int k = 0; k < read.length; k++) {
                read[k] = read(recognizer, digits.get(k), model);
            }
            return read;
        };
    }

    private static float[] read(DjlRecognizer recognizer, DigitImage image, String model) throws RecognitionException {
        return recognizer.recognize(new RecognitionRequest(new Input.Pixels(image.pixels()), Optional.of(model),
                RecognitionRequest.Mode.DIGIT)).digits().getFirst().probabilities();
    }

    private static int best(float[] p, int n) {
        int best = 0;
        for (int l = 1; l < n; l++) {
            if (p[l] > p[best]) {
                best = l;
            }
        }
        return best;
    }
}
