package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.testing.Checkout;

import java.util.List;

/**
 * The models the pair reader's tuning aids read with: the digit model, the digit verifier and the pair reader, whose
 * model folder {@code -Dpairs=folder} names ({@code mathsketch-digit-pairs} by default).
 */
final class PairModels {

    private PairModels() {
    }

    /** The pair reader's model folder. */
    static String pairs() {
        return System.getProperty("pairs", "mathsketch-digit-pairs");
    }

    /** The three models, from the checkout's models folder, one worker each. */
    static DjlRecognizer open(String pairs) throws ModelLoadException {
        return DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models())
                .models(List.of("mnist-cnn", "mathsketch-digit-verifier", pairs)).workers(1)
                .batching(Batching.builder().queueCapacity(64).build()).build());
    }
}
