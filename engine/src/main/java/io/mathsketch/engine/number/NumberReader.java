package io.mathsketch.engine.number;

import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.WorkMeter;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.engine.preprocess.LineCentering.FittedLine;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.preprocess.PairCentering;
import io.mathsketch.engine.segment.CandidateSegmenter;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.Candidates;
import io.mathsketch.engine.segment.Cutout;
import io.mathsketch.engine.segment.NumberSegmenter;
import io.mathsketch.engine.segment.ReadingSearch;
import io.mathsketch.engine.segment.ReadingSearch.Choice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Number mode in one place: decode the image to the ink's bounding box (shrunk when it is far larger than a number
 * needs; of a photo of paper, only its written line, {@link ImagePreprocessor#lineCrop}), segment it into digits,
 * centre each the MNIST way, and map every box back to the source image. With a {@link DigitScorer} ({@link #read})
 * segmentation is recognition-driven: every candidate grouping of the ink's pieces is centred and scored by the
 * model in one batch, and the reading with the best combined score is chosen; without one ({@link #regions}) the
 * pieces are grouped by geometry alone. The digit limit
 * ({@code limits.max-digits}) is enforced before any region is centred. Thread-safe.
 */
public final class NumberReader {

    /**
     * Most pixels of ink box a number is segmented at; a larger box is shrunk by a whole factor. A million pixels
     * hold 32 digits 180 pixels high, far more than the 20-pixel box each digit is reduced to, and bound the
     * segmentation's working memory to about 16 MB per request whatever the image's size.
     */
    static final int WORKING_PIXELS = 1 << 20;

    private final ImagePreprocessor preprocessor;
    private final NumberSegmenter segmenter = new NumberSegmenter();
    private final CandidateSegmenter candidates = new CandidateSegmenter();
    private final ReadingSearch search;
    private final MnistCentering centering = new MnistCentering();
    private final PairCentering pairCentering = new PairCentering();
    private final LineCentering lineCentering = new LineCentering();
    private final DigitPairs pairs = new DigitPairs();
    private final CtcRegions ctcRegions = new CtcRegions();
    private final int maxDigits;

    public NumberReader(InputLimits limits) {
        this(new ImagePreprocessor(limits), limits);
    }

    /** Reads numbers through a shared preprocessor, so that digit and number mode draw on one decode budget. */
    public NumberReader(ImagePreprocessor preprocessor, InputLimits limits) {
        this(preprocessor, limits, ReadingSearch.Weights.DEFAULT);
    }

    /** Reads numbers with the reading search's weights given (tuning tries others than the default). */
    public NumberReader(ImagePreprocessor preprocessor, InputLimits limits, ReadingSearch.Weights weights) {
        this.preprocessor = preprocessor;
        this.maxDigits = limits.maxDigits();
        this.search = new ReadingSearch(weights);
    }

    /**
     * One centred digit per region of the number, leftmost first, boxes in source image coordinates.
     *
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManyDigits over {@link InputLimits#maxDigits()}
     * @throws RecognitionException for every decoding failure {@link ImagePreprocessor#decode} reports
     */
    public List<DigitRegion> regions(byte[] encoded) throws RecognitionException {
        InkCrop crop = preprocessor.lineCrop(encoded, WORKING_PIXELS);
        List<Cutout> cutouts = segmenter.segment(crop.ink(), maxDigits);
        List<DigitRegion> regions = new ArrayList<>(cutouts.size());
        for (Cutout cutout : cutouts) {
            regions.add(new DigitRegion(crop.toSource(cutout.box()), centre(cutout)));
        }
        return List.copyOf(regions);
    }

    /**
     * The digits of the number as the model reads them best: candidate groupings of the ink's pieces (merges of
     * nearby pieces, cuts of wide ones along valleys) are centred and scored in one call to {@code scorer}, and the
     * reading with the best total of model confidence and shape prior is chosen. Each chosen digit comes with the
     * probabilities it was scored with, so that the answer needs no second inference. Bounded: at most
     * {@link CandidateSegmenter#MAX_ATOMS_PER_DIGIT} pieces per allowed digit and as many candidates per piece, so
     * one request scores at most 25 x {@code limits.max-digits} candidates. Regions are leftmost first, boxes in
     * source image coordinates.
     *
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManyDigits over {@link InputLimits#maxDigits()}
     * @throws RecognitionException for every decoding failure, and whatever the scorer throws
     */
    public List<ScoredRegion> read(byte[] encoded, DigitScorer scorer) throws RecognitionException {
        return read(encoded, scorer, null);
    }

    /**
     * {@link #read(byte[], DigitScorer)} with a verifier: a model whose labels are the digits and last "not one whole
     * digit" (a fragment, two touching digits, a sliver). Each candidate is read as the digit that both models favour
     * ({@link DigitVerifier#weigh}), and the search weighs in, beside the digit model's probability of that digit,
     * the verifier's probability that the candidate is that one whole digit (tuned on {@code NumberConfig.TUNING}:
     * better than its probability of any whole digit). The probabilities answered are {@code scorer}'s weighed by the
     * verifier.
     *
     * @param verifier the verifier's probabilities per candidate (its last label "not one digit"), or null for none
     */
    public List<ScoredRegion> read(byte[] encoded, DigitScorer scorer, DigitScorer verifier)
            throws RecognitionException {
        return read(encoded, scorer, verifier, null);
    }

    /**
     * {@link #read(byte[], DigitScorer, DigitScorer)} with a pair reader too: a model whose labels are
     * {@link DigitPairs#LABELS}, that reads a candidate at least {@link DigitPairs#MIN_WIDTH} line heights wide
     * (centred by {@link PairCentering}) as two touching digits. The search may then read such a candidate as its
     * best pair, scored by the pair reader's probability of it ({@link ReadingSearch.Weights}); the pair's digits are
     * answered with the pair reader's probabilities of each given the other ({@link DigitPairs#digitProbabilities}),
     * their boxes and images parted by {@link DigitPairs#part}.
     *
     * @param pairReader the pair reader's probabilities per wide candidate, or null for none
     */
    public List<ScoredRegion> read(byte[] encoded, DigitScorer scorer, DigitScorer verifier, DigitScorer pairReader)
            throws RecognitionException {
        return read(encoded, scorer, verifier, pairReader, null);
    }

    /**
     * {@link #read(byte[], DigitScorer, DigitScorer, DigitScorer)} with a line reader too: the whole line, fitted by
     * {@link LineCentering}, is read once, and among the search's {@link ReadingSearch.Weights#lineReadings()} best
     * readings the one whose search score plus {@link ReadingSearch.Weights#lineWeight()} times the line reader's
     * CTC log-probability of its digits is largest is chosen; boxes and probabilities are the segmentation's. When the
     * reader's own most probable digits ({@link CtcDecoder}) are more than {@link ReadingSearch.Weights#lineMargin()}
     * likelier (in log-probability) than the chosen reading's, they are answered instead, each in the box of the ink
     * at the steps it is read at and with the reader's probabilities ({@link CtcRegions}). The digit limit holds the
     * reading answered: a chosen reading over it is no refusal when the reader's own is answered. A line whose best
     * reading is longer than the reader learnt ({@link ReadingSearch.Weights#readsLine}) is not read by it.
     *
     * @param lineReader the line reader, or null for none
     */
    public List<ScoredRegion> read(byte[] encoded, DigitScorer scorer, DigitScorer verifier, DigitScorer pairReader,
                                   LineScorer lineReader) throws RecognitionException {
        return read(encoded, scorer, verifier, pairReader, lineReader, WorkMeter.NONE);
    }

    /**
     * {@link #read(byte[], DigitScorer, DigitScorer, DigitScorer, LineScorer)}, telling {@code work} what a photo's
     * search for its line did.
     */
    public List<ScoredRegion> read(byte[] encoded, DigitScorer scorer, DigitScorer verifier, DigitScorer pairReader,
                                   LineScorer lineReader, WorkMeter work) throws RecognitionException {
        InkCrop crop = preprocessor.lineCrop(encoded, WORKING_PIXELS, work);
        Candidates proposed = candidates.propose(crop.ink(), maxDigits);
        List<Candidate> all = proposed.candidates();
        List<DigitImage> images = new ArrayList<>(all.size());
        for (Candidate c : all) {
            images.add(centre(proposed.cutout(c)));
        }
        float[][] probabilities = scorer.probabilities(images);
        float[][] verified = verifier == null ? null : verifier.probabilities(images);
        // A candidate is read as the digit both models favour when there is a verifier; answered are the digit
        // model's probabilities weighed by it. Its score stays the digit model's probability of that digit, with
        // the verifier's probability that the candidate is that one whole digit beside it.
        float[][] answered = verified == null ? probabilities : new float[all.size()][];
        float[] confidence = new float[all.size()];
        float[] whole = verified == null ? null : new float[all.size()];
        for (int k = 0; k < confidence.length; k++) {
            if (verified != null) {
                answered[k] = DigitVerifier.weigh(probabilities[k], verified[k]);
            }
            int label = DigitReading.winner(answered[k]);
            confidence[k] = probabilities[k][label];
            if (whole != null) {
                whole[k] = verified[k][label];
            }
        }
        float[][] paired = new float[all.size()][];
        float[] pair = pairReader == null ? null : readPairs(proposed, pairReader, paired);
        if (lineReader == null) {
            return regionsOf(crop, proposed, search.choose(proposed, confidence, whole, pair), images, answered,
                    paired);
        }
        List<ReadingSearch.Reading> readings = search.readings(proposed, confidence, whole, pair,
                search.weights().lineReadings());
        if (!search.weights().readsLine(readings.getFirst().digits())) {
            return regionsOf(crop, proposed, readings.getFirst().choices(), images, answered, paired);
        }
        FittedLine line = lineCentering.fit(crop.ink());
        float[][] steps = CtcScore.logSoftmax(lineReader.logits(line.field()));
        Rescored chosen = rescored(readings, steps, answered, paired);
        // Not on a photo: trained on clean lines, the reader is sure of digits a camera's paper, grid and pen make it
        // misread (a browser's 0 read 9 on squared paper), where the digit model, reading each digit centred, is not.
        List<ScoredRegion> outright = crop.photo() ? null : outright(crop, line, steps, chosen);
        // The chosen reading's regions are built, and its digits held to the limit, only when it is the one answered.
        return outright != null ? outright : regionsOf(crop, proposed, chosen.choices(), images, answered, paired);
    }

    /**
     * The line reader's own reading with its regions, when it is far likelier than the chosen one's digits; null
     * when it is not, or is longer than the digit limit, or has no region for every digit: the chosen reading stands.
     */
    private List<ScoredRegion> outright(InkCrop crop, FittedLine line, float[][] steps, Rescored chosen) {
        String outright = CtcDecoder.bestLabelling(steps, CtcDecoder.BEAM);
        boolean likelier = !outright.isEmpty() && outright.length() <= maxDigits && !outright.equals(chosen.digits())
                && CtcScore.logProbability(steps, outright) > chosen.logProbability() + search.weights().lineMargin();
        return likelier ? ctcRegions.regions(crop, line, steps, outright) : null;
    }

    /** The regions of a reading of the search, after the digit limit is checked. */
    private List<ScoredRegion> regionsOf(InkCrop crop, Candidates proposed, List<Choice> reading,
                                         List<DigitImage> images, float[][] answered, float[][] paired)
            throws RecognitionException.TooManyDigits {
        List<Candidate> all = proposed.candidates();
        int digits = ReadingSearch.Reading.digits(reading);
        if (digits > maxDigits) {
            throw new RecognitionException.TooManyDigits(digits, maxDigits);
        }
        List<ScoredRegion> regions = new ArrayList<>(digits);
        for (Choice choice : reading) {
            int k = choice.candidate();
            if (!choice.pair()) {
                regions.add(new ScoredRegion(new DigitRegion(crop.toSource(all.get(k).box()), images.get(k)),
                        answered[k]));
                continue;
            }
            List<DigitRegion> two = pairs.part(proposed.cutout(all.get(k)));
            float[][] read = DigitPairs.digitProbabilities(paired[k], DigitPairs.bestPair(paired[k]));
            for (int d = 0; d < 2; d++) {
                DigitRegion part = two.get(d);
                regions.add(new ScoredRegion(new DigitRegion(crop.toSource(part.box()), part.digit()), read[d]));
            }
        }
        return List.copyOf(regions);
    }

    /**
     * The reading whose search score plus the line reader's weighed CTC log-probability of its digits is best, with
     * its digits and their log-probability.
     */
    private Rescored rescored(List<ReadingSearch.Reading> readings, float[][] steps, float[][] answered,
                              float[][] paired) {
        double[] scores = new double[readings.size()];
        String[] digits = new String[readings.size()];
        for (int i = 0; i < digits.length; i++) {
            StringBuilder text = new StringBuilder();
            for (Choice c : readings.get(i).choices()) {
                if (c.pair()) {
                    int p = DigitPairs.bestPair(paired[c.candidate()]);
                    text.append(p / 10).append(p % 10);
                } else {
                    text.append(DigitReading.winner(answered[c.candidate()]));
                }
            }
            scores[i] = readings.get(i).score();
            digits[i] = text.toString();
        }
        LineRescoring.Winner winner = LineRescoring.best(steps, search.weights().lineWeight(), scores, digits);
        return new Rescored(readings.get(winner.index()).choices(), digits[winner.index()], winner.logProbability());
    }

    /** A reading of the search, its digits and the line reader's log-probability of them. */
    private record Rescored(List<Choice> choices, String digits, double logProbability) {
    }

    /**
     * The pair reader's probability of its best pair for every candidate wide enough to be two digits (0 for the
     * others), its rows kept in {@code paired}: one batch for all of them.
     */
    private float[] readPairs(Candidates proposed, DigitScorer pairReader, float[][] paired)
            throws RecognitionException {
        List<Candidate> all = proposed.candidates();
        List<Integer> wide = new ArrayList<>();
        List<DigitImage> images = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).width() >= DigitPairs.MIN_WIDTH) {
                wide.add(k);
                images.add(centrePair(proposed.cutout(all.get(k))));
            }
        }
        float[] pair = new float[all.size()];
        if (images.isEmpty()) {
            return pair;
        }
        float[][] read = pairReader.probabilities(images);
        for (int i = 0; i < read.length; i++) {
            int k = wide.get(i);
            paired[k] = read[i];
            pair[k] = read[i][DigitPairs.bestPair(read[i])];
        }
        return pair;
    }

    /** A digit of a number and the probabilities it was read with (the digit model's, weighed by a verifier). */
    public record ScoredRegion(DigitRegion region, float[] probabilities) {

        public ScoredRegion {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(probabilities, "probabilities");
        }
    }

    private DigitImage centrePair(Cutout cutout) {
        try {
            return pairCentering.center(cutout.ink());
        } catch (BlankImage e) {
            throw new IllegalStateException("a segmented region always holds stroke pixels", e);
        }
    }

    private DigitImage centre(Cutout cutout) {
        try {
            return centering.center(cutout.ink());
        } catch (BlankImage e) {
            throw new IllegalStateException("a segmented region always holds stroke pixels", e);
        }
    }
}
