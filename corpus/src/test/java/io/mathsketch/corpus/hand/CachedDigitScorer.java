package io.mathsketch.corpus.hand;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.number.DigitScorer;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One digit model for tuning harnesses that read the same digit images under many weights: each image is read once,
 * then answered from memory; a blank image scores nothing.
 */
final class CachedDigitScorer implements DigitScorer {
    private final DjlRecognizer recognizer;
    private final String model;
    private final Map<ByteBuffer, float[]> cache = new HashMap<>();

    CachedDigitScorer(DjlRecognizer recognizer, String model) {
        this.recognizer = recognizer;
        this.model = model;
    }

    @Override
    public float[][] probabilities(List<DigitImage> digits) throws RecognitionException {
        float[][] out = new float[digits.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] pixels = digits.get(i).pixels();
            ByteBuffer key = ByteBuffer.allocate(pixels.length * 4);
            key.asFloatBuffer().put(pixels);
            float[] p = cache.get(key);
            if (p == null) {
                try {
                    p = recognizer.recognize(new RecognitionRequest(new Input.Pixels(pixels), Optional.of(model),
                            RecognitionRequest.Mode.DIGIT)).digits().getFirst().probabilities();
                } catch (RecognitionException.BlankImage e) {
                    p = new float[recognizer.models().stream().filter(m -> m.name().equals(model)).findFirst()
                            .orElseThrow().labels().size()];
                }
                cache.put(key, p);
            }
            out[i] = p;
        }
        return out;
    }
}
