package io.mathsketch.engine;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One recognised digit.
 *
 * @param label the winning label (for the MNIST models "0".."9")
 * @param index index of the winning label in the model's label list
 * @param confidence probability of the winning label
 * @param probabilities probability of every label, in the model's label order (sums to 1)
 * @param labels the model's labels, parallel to {@code probabilities}
 * @param box where the digit was found in the source image (whole image bounds for pixel input)
 * @param input the normalised 28x28 digit the model saw
 */
public record DigitReading(String label, int index, float confidence, float[] probabilities, List<String> labels,
                           Box box, DigitImage input) {

    /** The index of the most probable label (the first of equals): the label a reading of {@code probabilities} wins. */
    public static int winner(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The k most probable labels, most probable first. */
    public List<Candidate> topK(int k) {
        List<Candidate> all = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            all.add(new Candidate(labels.get(i), probabilities[i]));
        }
        all.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    public record Candidate(String label, float probability) {
    }
}
