package io.mathsketch.corpus.hand;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.mathsketch.engine.number.LineScorer;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The line reader for tuning harnesses that read the same lines under many weights: each field is read by the model
 * once, then answered from memory.
 */
final class MemoizedLineScorer {

    private MemoizedLineScorer() {
    }

    static LineScorer of(ZooModel<float[][], float[][][]> lines) {
        Map<ByteBuffer, float[][]> memo = new HashMap<>();
        return field -> {
            ByteBuffer key = ByteBuffer.allocate(field.length * 4);
            key.asFloatBuffer().put(field);
            float[][] logits = memo.get(key);
            if (logits == null) {
                try (Predictor<float[][], float[][][]> p = lines.newPredictor()) {
                    logits = p.predict(new float[][] {field})[0];
                } catch (TranslateException e) {
                    throw new IllegalStateException(e);
                }
                memo.put(key, logits);
            }
            return logits;
        };
    }
}
