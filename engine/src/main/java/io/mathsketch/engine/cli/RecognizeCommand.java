package io.mathsketch.engine.cli;

import io.mathsketch.engine.image.Box;

import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.inference.DjlRecognizer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code recognize <image-file>}: prints the answer, each digit's top candidates, and where the time went. */
final class RecognizeCommand {

    private final PrintStream out;

    RecognizeCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws CliArguments.UsageException, IOException, ModelLoadException,
            RecognitionException {
        CliArguments a = CliArguments.parse(args, Set.of("models-dir", "model", "engine", "device", "threads"),
                Set.of("number", "expression"));
        if (a.positional().size() != 1) {
            throw new CliArguments.UsageException("recognize takes exactly one image file");
        }
        Path image = Path.of(a.positional().getFirst());
        if (!Files.isRegularFile(image)) {
            throw new CliArguments.UsageException("no such file: " + image);
        }
        Path modelsDir = a.option("models-dir").map(Path::of).orElse(Cli.findUpwards("models"));
        boolean expression = a.flag("expression");
        String reference = a.option("model").orElse(expression ? "mathsketch-symbols" : "mnist-cnn");
        String name = reference.contains(":") ? reference.substring(0, reference.indexOf(':')) : reference;
        RecognitionRequest request = new RecognitionRequest(new RecognitionRequest.Input.EncodedImage(
                Files.readAllBytes(image)), Optional.of(reference),
                expression ? RecognitionRequest.Mode.EXPRESSION
                        : a.flag("number") ? RecognitionRequest.Mode.NUMBER : RecognitionRequest.Mode.DIGIT);
        try (DjlRecognizer recognizer = DjlRecognizer.open(Cli.config(modelsDir, name, a))) {
            Recognition r = recognizer.recognize(request);
            out.printf("%s  (confidence %.4f; model %s on %s %s)%n", r.text(), r.confidence(), r.model(), r.engine(),
                    r.device());
            r.expression().ifPresent(e -> out.printf("  = %s%s%n", e.value(), e.holds().map(h -> h ? " (holds)"
                    : " (does not hold)").orElse("")));
            for (DigitReading d : r.digits()) {
                Box b = d.box();
                StringBuilder top = new StringBuilder();
                for (DigitReading.Candidate c : d.topK(3)) {
                    top.append(String.format("  %s %.4f", c.label(), c.probability()));
                }
                out.printf("  %s at x=%d y=%d %dx%d, top 3:%s%n", d.label(), b.x(), b.y(), b.width(), b.height(), top);
            }
            Recognition.Timings t = r.timings();
            out.printf("  preprocess %.2f ms, queue %.2f ms, inference %.2f ms, postprocess %.2f ms%n",
                    t.preprocessNanos() / 1e6, t.queueNanos() / 1e6, t.inferenceNanos() / 1e6,
                    t.postprocessNanos() / 1e6);
        }
        return 0;
    }
}
