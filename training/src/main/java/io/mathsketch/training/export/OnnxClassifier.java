package io.mathsketch.training.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * An exported model loaded in ONNX Runtime, returning the logits for a batch of normalised 1x28x28 inputs. Used to
 * check an export against the PyTorch model it came from.
 */
public final class OnnxClassifier implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OnnxClassifier(Path onnx) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = environment.createSession(onnx.toString(), options);
        }
    }

    /** Input names of the graph, for checks against the manifest. */
    public Set<String> inputNames() {
        return session.getInputNames();
    }

    /**
     * @param pixels {@code count * 784} normalised values
     * @return {@code count} rows of logits
     */
    public float[][] logits(float[] pixels, int count) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels),
                new long[] {count, 1, 28, 28});
             OrtSession.Result result = session.run(Map.of("input", input))) {
            return (float[][]) result.get("logits").orElseThrow().getValue();
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
