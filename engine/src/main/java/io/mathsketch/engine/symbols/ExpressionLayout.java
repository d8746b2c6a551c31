package io.mathsketch.engine.symbols;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.WorkMeter;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expression mode's preparation in one place: decode the image (a drawing, or of a photo of paper its written line
 * with its operators, {@link ImagePreprocessor#expressionCrop}), take its ink apart into symbols left to right
 * ({@link SymbolSegmenter}), measure the line ({@link SymbolGeometry}) and centre each symbol the MNIST way for the
 * symbol model. Thread-safe.
 */
public final class ExpressionLayout {

    /** Symbols in one expression at the most: far more than a line of handwriting holds. */
    public static final int MAX_SYMBOLS = 64;
    /**
     * Most pixels of ink box an expression is taken apart at; a larger box is shrunk by a whole factor. A million
     * pixels hold a line of 64 symbols 120 pixels high, and bound the segmentation's memory whatever the image.
     */
    static final int WORKING_PIXELS = 1 << 20;

    private final ImagePreprocessor preprocessor;
    private final SymbolSegmenter segmenter = new SymbolSegmenter(MAX_SYMBOLS);
    private final SymbolLattice lattice = new SymbolLattice();
    private final MnistCentering centering = new MnistCentering();

    /** Lays out expressions with a preprocessor (and so a decode budget) of its own: for tools and tests. */
    public ExpressionLayout(InputLimits limits) {
        this(new ImagePreprocessor(limits));
    }

    /**
     * Lays out expressions through a shared preprocessor, so that expression mode draws on the same decode budget as
     * digit and number mode: a second budget would let the modes together decode twice what
     * {@code limits.max-decoded-bytes-in-flight} allows.
     */
    public ExpressionLayout(ImagePreprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    /**
     * A line taken apart: the candidate symbols (in the working crop's pixels, which the geometry measures), the
     * line, the candidates' centred images for the model and their boxes in the source image. {@link #read} picks
     * the candidates that make the line once the model has read them all.
     */
    public final class Laid {
        private final SymbolLattice.Lattice candidates;
        private final SymbolGeometry geometry;
        private final List<DigitImage> images;
        private final List<Box> boxes;

        private Laid(SymbolLattice.Lattice candidates, SymbolGeometry geometry, List<DigitImage> images,
                     List<Box> boxes) {
            this.candidates = candidates;
            this.geometry = geometry;
            this.images = List.copyOf(images);
            this.boxes = List.copyOf(boxes);
        }

        /** The model's inputs, one per candidate symbol. */
        public List<DigitImage> images() {
            return images;
        }

        /** The candidate symbols, in the order of {@link #images()}. */
        public List<SymbolLattice.Candidate> candidates() {
            return candidates.candidates();
        }

        /** The candidates' boxes in the source image, in the order of {@link #images()}. */
        public List<Box> boxes() {
            return boxes;
        }

        /** The line the candidates are written on. */
        public SymbolGeometry geometry() {
            return geometry;
        }

        /** One symbol of the line as read: which candidate (index into {@link #images()}) and its choice. */
        public record Read(int candidate, SymbolChoice.Choice choice, Box box) {
        }

        /**
         * The line's symbols left to right: each candidate may be any symbol its geometry allows (a piece cut out of
         * a mark is always the model's to read), scored by the model's probability for it, and the line is the run of
         * candidates and symbols with the best total score that the expression grammar accepts.
         *
         * @param probabilities the model's output for each of {@link #images()}, in label order
         */
        public List<Read> read(float[][] probabilities, SymbolChoice choice) {
            return read(probabilities, choice, lattice, SLASH_ODDS);
        }

        /** {@link #read(float[][], SymbolChoice)} with other costs and slash odds, to tune them. */
        public List<Read> read(float[][] model, SymbolChoice choice, SymbolLattice costs, SlashOdds slash) {
            List<SymbolLattice.Candidate> all = candidates.candidates();
            List<Set<Symbol>> allowed = new ArrayList<>(all.size());
            float[][] probabilities = model.clone();
            for (int i = 0; i < all.size(); i++) {
                SymbolLattice.Candidate c = all.get(i);
                allowed.add(c.whole() ? geometry.candidates(c.group()) : SymbolGeometry.modelReads());
                if (c.whole() && c.group().parts().size() == 1
                        && c.group().box().height() >= SlashOdds.TALL * geometry.lineHeight()) {
                    probabilities[i] = slash.apply(model[i], geometry.features(c.group()), choice);
                }
            }
            SymbolLattice.Scorer scorer = new SymbolLattice.Scorer() {
                @Override
                public Set<Symbol> readings(int candidate) {
                    return allowed.get(candidate);
                }

                @Override
                public double logProbability(int candidate, Symbol symbol) {
                    return geometric(candidate) ? Math.log(GEOMETRY_CERTAINTY) : Math.log(Math.max(MIN_PROBABILITY,
                            probabilities[candidate][choice.labelIndex(symbol)]));
                }

                @Override
                public boolean geometric(int candidate) {
                    return allowed.get(candidate).size() == 1;
                }
            };
            List<Read> reads = new ArrayList<>();
            for (SymbolLattice.Pick pick : costs.best(candidates, scorer, geometry.lineHeight())) {
                int i = pick.candidate();
                reads.add(new Read(i, choice.choose(probabilities[i], allowed.get(i), pick.symbol()), boxes.get(i)));
            }
            return reads;
        }
    }

    /**
     * How a lone tall stroke's lean and place sway the model between 1 and the slash of ÷: lean and top fitted on the
     * training hand's strokes ({@code SymbolFeatureTuning}), its constant chosen on the training hand's lines
     * ({@code SymbolLatticeTuning}); a stroke reaching above the digits' tops or below their baseline counts for the
     * slash, as fonts write it (the hand's slashes never did: without it 740 of 1,392 tuning-font lines read right,
     * with it 1,294, the training and wide hands' lines 290 and 268 of 300 then 289 and 266; {@code FontSlashTuning}).
     */
    public static final SlashOdds SLASH_ODDS = new SlashOdds(0.6, 4.6, 0, 60, 0, 105, 45, -2.7);
    /** The score of a symbol its geometry alone decides (a dot, a bar, two bars, a bar between dots). */
    static final double GEOMETRY_CERTAINTY = 0.9;
    /** Probabilities are floored here so that one impossible candidate does not make a line unreadable. */
    static final double MIN_PROBABILITY = 1e-6;

    /**
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManySymbols over {@link #MAX_SYMBOLS}
     * @throws RecognitionException for every decoding failure {@link ImagePreprocessor#expressionCrop} reports
     */
    public Laid layout(byte[] encoded) throws RecognitionException {
        return layout(encoded, WorkMeter.NONE);
    }

    /** {@link #layout(byte[])}, telling {@code work} what a photo's search for its line did. */
    public Laid layout(byte[] encoded, WorkMeter work) throws RecognitionException {
        return layout(preprocessor.expressionCrop(encoded, WORKING_PIXELS, work));
    }

    /**
     * The same for an image already decoded (digital ink drawn on its surface); boxes in that image's pixels.
     *
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManySymbols over {@link #MAX_SYMBOLS}
     */
    public Laid layout(DecodedImage image) throws RecognitionException {
        return layout(preprocessor.pageCrop(image, WORKING_PIXELS));
    }

    private Laid layout(InkCrop crop) throws RecognitionException {
        List<Mark> marks;
        List<SymbolGroup> groups;
        try {
            marks = segmenter.marks(crop.ink());
            groups = segmenter.group(crop.ink(), marks);
        } catch (SymbolSegmenter.TooManySymbols e) {
            throw new RecognitionException.TooManySymbols(e.getMessage());
        }
        if (groups.isEmpty()) {
            throw new BlankImage();
        }
        SymbolGeometry geometry = SymbolGeometry.of(groups);
        SymbolLattice.Lattice candidates = lattice.candidates(crop.ink(), marks, geometry);
        if (candidates.candidates().isEmpty()) {
            // Too many ways to read this line: read it as geometry groups it.
            List<SymbolLattice.Candidate> asGrouped = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                asGrouped.add(new SymbolLattice.Candidate(i, i + 1, groups.get(i), true));
            }
            candidates = new SymbolLattice.Lattice(groups.size(), asGrouped);
        }
        List<DigitImage> images = new ArrayList<>(candidates.candidates().size());
        List<Box> boxes = new ArrayList<>(candidates.candidates().size());
        for (SymbolLattice.Candidate c : candidates.candidates()) {
            images.add(centering.center(c.group().ink()));
            boxes.add(crop.toSource(c.group().box()));
        }
        return new Laid(candidates, geometry, images, boxes);
    }
}
