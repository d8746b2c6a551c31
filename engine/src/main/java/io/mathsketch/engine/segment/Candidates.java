package io.mathsketch.engine.segment;

import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.segment.CandidateSegmenter.Atom;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;

import java.util.List;

/**
 * The digits {@link CandidateSegmenter} proposes for one image: candidates over atoms ordered left to right, each
 * cut out on demand (only its own ink, so that at most one cut-out is held at a time whatever the number of
 * candidates).
 */
public final class Candidates {

    private final InkImage image;
    private final StrokeMap strokes;
    private final List<Atom> atoms;
    private final List<Candidate> candidates;
    private final double lineHeight;

    Candidates(InkImage image, StrokeMap strokes, List<Atom> atoms, List<Candidate> candidates, double lineHeight) {
        this.image = image;
        this.strokes = strokes;
        this.atoms = atoms;
        this.candidates = candidates;
        this.lineHeight = lineHeight;
    }

    /** Atoms (components and slices of components) that every reading covers exactly once, left to right. */
    public int atoms() {
        return atoms.size();
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    /** The height of the tallest piece of ink, the scale of every geometric rule. */
    public double lineHeight() {
        return lineHeight;
    }

    /** Pixels {@link #cutout} visits for a candidate: its box with the margin, within the image. */
    static long cutoutPixels(InkImage image, Candidate c) {
        int[] b = cutoutBox(image, c);
        return (long) (b[2] - b[0]) * (b[3] - b[1]);
    }

    /** The cut-out's corners (x0, y0 inclusive; x1, y1 exclusive) in the image. */
    private static int[] cutoutBox(InkImage image, Candidate c) {
        // The crop reaches a little beyond the stroke box so that the soft edge of the strokes comes along.
        int margin = 2 + (c.y1() - c.y0()) / 10;
        return new int[] {Math.max(0, c.x0() - margin), Math.max(0, c.y0() - margin),
                Math.min(image.width(), c.x1() + margin), Math.min(image.height(), c.y1() + margin)};
    }

    /** The candidate's own ink, with a small margin, not yet centred. */
    public Cutout cutout(Candidate c) {
        int[] b = cutoutBox(image, c);
        int cx0 = b[0], cy0 = b[1], cx1 = b[2], cy1 = b[3];
        int cw = cx1 - cx0, ch = cy1 - cy0;
        float[] crop = new float[cw * ch];
        float[] ink = image.ink();
        List<Atom> mine = atoms.subList(c.from(), c.to());
        for (int y = cy0; y < cy1; y++) {
            for (int x = cx0; x < cx1; x++) {
                int p = y * image.width() + x;
                int owner = strokes.owners[p];
                if (owner == 0) {
                    continue;
                }
                for (Atom a : mine) {
                    if (a.owns(owner, x, y)) {
                        crop[(y - cy0) * cw + (x - cx0)] = ink[p];
                        break;
                    }
                }
            }
        }
        return new Cutout(c.box(), new InkImage(cw, ch, crop));
    }
}
