package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A digit to put on paper, a board or a page: its label, a name for reports, and its ink at a given height in
 * pixels. The cameras written apart from each other ({@code corpus.scan}, {@code corpus.board}) take their digits
 * from here, so that only the ink, not the conditions, is shared.
 */
public record InkSource(int label, String name, IntFunction<InkCoverage> ink) {

    /** MNIST digits {@code indices}. */
    public static List<InkSource> mnist(MnistImages images, MnistLabels labels, int... indices) {
        List<InkSource> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(new InkSource(labels.label(i), "MNIST test #" + i, h -> InkCoverage.mnist(images, i, h)));
        }
        return out;
    }

    /** The first {@code count} drawings of a hand. */
    public static List<InkSource> hand(HandConfig hand, int count) {
        HandwritingGenerator generator = new HandwritingGenerator(hand);
        List<InkSource> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            var drawing = generator.sample(i);
            out.add(new InkSource(drawing.digit(), "hand " + hand.name() + " #" + i + " " + drawing.style(),
                    h -> InkCoverage.strokes(drawing.pageInk(), h)));
        }
        return out;
    }
}
