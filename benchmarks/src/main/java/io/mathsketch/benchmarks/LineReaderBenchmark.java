package io.mathsketch.benchmarks;

import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.inference.DjlRecognizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What number mode's line reader costs: {@link #numberRecognition} reads the first eight numbers of the corpus's
 * held-out {@code NumberConfig.TEST} set in turn (canvas PNG bytes in, {@link Recognition} out) with the models number
 * mode reads by default (the digit model, the digit verifier, the pair reader) and, when {@code lineReader} is true,
 * the line reader too, which reads each number's line once and rescores the search's best readings. Compare the two
 * parameters run by run, alternated.
 */
public class LineReaderBenchmark extends JmhSettings {

    private static final int NUMBERS = 8;

    @Param({"true", "false"})
    public boolean lineReader;

    private DjlRecognizer recognizer;
    private RecognitionRequest[] numbers;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> models = new ArrayList<>(List.of(BenchmarkModel.NAME, "mathsketch-digit-verifier",
                "mathsketch-digit-pairs"));
        if (lineReader) {
            models.add("mathsketch-line-reader");
        }
        recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(BenchmarkModel.modelsDirectory())
                .models(models).build());
        byte[][] pngs = BenchmarkModel.heldOutNumberPngs(NUMBERS);
        numbers = new RecognitionRequest[NUMBERS];
        for (int i = 0; i < NUMBERS; i++) {
            numbers[i] = new RecognitionRequest(new Input.EncodedImage(pngs[i]), Optional.empty(),
                    RecognitionRequest.Mode.NUMBER);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recognizer.close();
    }

    @Benchmark
    public Recognition numberRecognition() throws RecognitionException {
        RecognitionRequest number = numbers[next];
        next = (next + 1) % NUMBERS;
        return recognizer.recognize(number);
    }
}
