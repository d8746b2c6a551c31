package io.mathsketch.engine;

import io.mathsketch.engine.expression.Evaluation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link RecognitionRequest}.
 *
 * @param text the digit ("7") or, in number mode, the digit string ("2026")
 * @param digits one reading per digit, left to right (exactly one in digit mode)
 * @param model the model that answered
 * @param engine DJL engine name that ran it ("OnnxRuntime", "PyTorch")
 * @param device device actually used ("cpu()", "gpu(0)")
 * @param timings where the time went
 * @param expression in expression mode, what the symbols say and are worth
 */
public record Recognition(String text, List<DigitReading> digits, ModelRef model, String engine, String device,
                          Timings timings, Optional<Evaluation> expression) {

    public Recognition {
        digits = List.copyOf(digits);
        Objects.requireNonNull(expression, "expression");
    }

    /** A digit or number reading (no expression). */
    public Recognition(String text, List<DigitReading> digits, ModelRef model, String engine, String device,
                       Timings timings) {
        this(text, digits, model, engine, device, timings, Optional.empty());
    }

    /** Confidence of the whole answer: the product of the digits' confidences. */
    public double confidence() {
        double c = 1;
        for (DigitReading d : digits) {
            c *= d.confidence();
        }
        return c;
    }

    /** Name and version of a model. */
    public record ModelRef(String name, String version) {
        @Override
        public String toString() {
            return name + ":" + version;
        }
    }

    /** Nanoseconds spent in each stage; queue is the wait for an inference worker. */
    public record Timings(long preprocessNanos, long queueNanos, long inferenceNanos, long postprocessNanos) {
        public long totalNanos() {
            return preprocessNanos + queueNanos + inferenceNanos + postprocessNanos;
        }
    }
}
