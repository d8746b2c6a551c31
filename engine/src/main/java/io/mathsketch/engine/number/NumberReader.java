package io.mathsketch.engine.number;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.segment.CandidateSegmenter;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.Candidates;
import io.mathsketch.engine.segment.Cutout;
import io.mathsketch.engine.segment.NumberSegmenter;
import io.mathsketch.engine.segment.ReadingSearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Number mode in one place: decode the image to the ink's bounding box (shrunk when it is far larger than a number
 * needs), segment it into digits, centre each the MNIST way, and map every box back to the source image. With a
 * {@link DigitScorer} ({@link #read}) segmentation is recognition-driven: every candidate grouping of the ink's
 * pieces is centred and scored by the model in one batch, and the reading with the best combined score is chosen;
 * without one ({@link #regions}) the pieces are grouped by geometry alone. The digit limit
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
    private final ReadingSearch search = new ReadingSearch();
    private final MnistCentering centering = new MnistCentering();
    private final int maxDigits;

    public NumberReader(InputLimits limits) {
        this(new ImagePreprocessor(limits), limits);
    }

    /** Reads numbers through a shared preprocessor, so that digit and number mode draw on one decode budget. */
    public NumberReader(ImagePreprocessor preprocessor, InputLimits limits) {
        this.preprocessor = preprocessor;
        this.maxDigits = limits.maxDigits();
    }

    /**
     * One centred digit per region of the number, leftmost first, boxes in source image coordinates.
     *
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManyDigits over {@link InputLimits#maxDigits()}
     * @throws RecognitionException for every decoding failure {@link ImagePreprocessor#decode} reports
     */
    public List<DigitRegion> regions(byte[] encoded) throws RecognitionException {
        InkCrop crop = preprocessor.inkCrop(encoded, WORKING_PIXELS);
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
     * digit" (a fragment, two touching digits, a sliver). The search weighs in, beside the digit model's confidence,
     * the verifier's probability that each candidate is one whole digit and the digit that {@code scorer} reads in it
     * (tuned on {@code NumberConfig.TUNING}: better than its probability of any whole digit). The digits, and the
     * probabilities answered, are still {@code scorer}'s.
     *
     * @param verifier the verifier's probabilities per candidate (its last label "not one digit"), or null for none
     */
    public List<ScoredRegion> read(byte[] encoded, DigitScorer scorer, DigitScorer verifier)
            throws RecognitionException {
        InkCrop crop = preprocessor.inkCrop(encoded, WORKING_PIXELS);
        Candidates proposed = candidates.propose(crop.ink(), maxDigits);
        List<Candidate> all = proposed.candidates();
        List<DigitImage> images = new ArrayList<>(all.size());
        for (Candidate c : all) {
            images.add(centre(proposed.cutout(c)));
        }
        float[][] probabilities = scorer.probabilities(images);
        float[] confidence = new float[all.size()];
        int[] label = new int[all.size()];
        for (int k = 0; k < confidence.length; k++) {
            for (int l = 0; l < probabilities[k].length; l++) {
                if (probabilities[k][l] > confidence[k]) {
                    confidence[k] = probabilities[k][l];
                    label[k] = l;
                }
            }
        }
        float[] whole = null;
        if (verifier != null) {
            // The verifier's probability that the candidate is one whole digit and the one the digit model reads.
            float[][] verified = verifier.probabilities(images);
            whole = new float[all.size()];
            for (int k = 0; k < whole.length; k++) {
                whole[k] = label[k] < verified[k].length - 1 ? verified[k][label[k]] : 0;
            }
        }
        int[] reading = search.best(proposed, confidence, whole);
        if (reading.length > maxDigits) {
            throw new RecognitionException.TooManyDigits(reading.length, maxDigits);
        }
        List<ScoredRegion> regions = new ArrayList<>(reading.length);
        for (int k : reading) {
            regions.add(new ScoredRegion(new DigitRegion(crop.toSource(all.get(k).box()), images.get(k)),
                    probabilities[k]));
        }
        return List.copyOf(regions);
    }

    /** A digit of a number and the model's probabilities for it, as the scorer gave them. */
    public record ScoredRegion(DigitRegion region, float[] probabilities) {

        public ScoredRegion {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(probabilities, "probabilities");
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
