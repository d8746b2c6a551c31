package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.testing.Checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models the pair reader's tuning aids read with: the digit model, the digit verifier and the pair reader, whose
 * model folder {@code -Dpairs=folder} names ({@code mathsketch-digit-pairs} by default), and a second pair reader to
 * average with it when {@code -Dpairs2=folder} names one ({@link PairTuning}).
 */
final class PairModels {

    private PairModels() {
    }

    /** The pair reader's model folder. */
    static String pairs() {
        return System.getProperty("pairs", "mathsketch-digit-pairs");
    }

    /** The second pair reader's model folder, if any. */
    static Optional<String> second() {
        return Optional.ofNullable(System.getProperty("pairs2"));
    }

    /** The three models (four with a second pair reader), from the checkout's models folder, one worker each. */
    static DjlRecognizer open(String pairs) throws ModelLoadException {
        List<String> models = new ArrayList<>(List.of("mnist-cnn", "mathsketch-digit-verifier", pairs));
        second().ifPresent(models::add);
        return DjlRecognizer.open(EngineConfig.builder().modelsDirectory(Checkout.models()).models(models).workers(1)
                .batching(Batching.builder().queueCapacity(64).build()).build());
    }
}
