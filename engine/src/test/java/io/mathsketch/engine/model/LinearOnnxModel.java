package io.mathsketch.engine.model;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;
import io.mathsketch.engine.image.DigitImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A "foreign" model for tests: a nearest-class-mean classifier over 28x28 digits, written as an ONNX graph
 * ({@code Reshape -> MatMul -> Add [-> Softmax]}) by hand with the ONNX protobuf classes, with a manifest describing
 * its conventions. Because the arithmetic is this simple, {@link #probabilities} predicts its every answer in plain
 * Java, independently of the engine's encoder and of ONNX Runtime.
 *
 * @param name model (and folder) name
 * @param version model version
 * @param layout input layout the graph declares
 * @param kind whether the graph ends in a Softmax ({@code probabilities}) or not ({@code logits})
 * @param polarity input polarity the graph expects
 * @param mean normalisation mean the graph expects
 * @param std normalisation standard deviation the graph expects
 * @param externalData whether the weight matrix lives in an ONNX external-data file
 * @param weights 784 x 10 weight matrix, in normalised input space
 * @param bias 10 biases
 */
public record LinearOnnxModel(String name, String version, Layout layout, OutputKind kind, InkPolarity polarity,
                              float mean, float std, boolean externalData, float[][] weights, float[] bias) {

    public static final int PIXELS = DigitImage.SIZE;
    public static final int CLASSES = 10;

    /** Fits class means on the first {@code n} subset digits: logit_c = m_c . x - |m_c|^2 / 2 (nearest mean). */
    public static LinearOnnxModel classMeans(MnistSubset subset, int n, String name, String version, Layout layout,
                                             OutputKind kind, InkPolarity polarity, float mean, float std,
                                             boolean externalData) {
        double[][] sums = new double[CLASSES][PIXELS];
        int[] counts = new int[CLASSES];
        LinearOnnxModel shape = new LinearOnnxModel(name, version, layout, kind, polarity, mean, std, externalData,
                new float[PIXELS][CLASSES], new float[CLASSES]);
        for (int i = 0; i < n; i++) {
            int label = subset.labels().label(i);
            double[] x = shape.normalise(subset.images().digit(i));
            for (int p = 0; p < PIXELS; p++) {
                sums[label][p] += x[p];
            }
            counts[label]++;
        }
        float[][] weights = new float[PIXELS][CLASSES];
        float[] bias = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            double norm = 0;
            for (int p = 0; p < PIXELS; p++) {
                double m = sums[c][p] / Math.max(1, counts[c]);
                weights[p][c] = (float) m;
                norm += m * m;
            }
            bias[c] = (float) (-norm / 2);
        }
        return new LinearOnnxModel(name, version, layout, kind, polarity, mean, std, externalData, weights, bias);
    }

    /** What the model must answer for {@code digit}, computed in double precision without the engine. */
    public float[] probabilities(DigitImage digit) {
        double[] x = normalise(digit);
        double[] logits = new double[CLASSES];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double s = bias[c];
            for (int p = 0; p < PIXELS; p++) {
                s += x[p] * weights[p][c];
            }
            logits[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        float[] p = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            p[c] = (float) (logits[c] / sum);
        }
        return p;
    }

    /** Index of the most probable class. */
    public int predict(DigitImage digit) {
        float[] p = probabilities(digit);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    public String onnxFile() {
        return name + ".onnx";
    }

    public String dataFile() {
        return name + ".onnx.data";
    }

    /** Writes {@code <modelsDirectory>/<name>/} with the ONNX file, external data if any, and manifest.json. */
    public Path writeTo(Path modelsDirectory) {
        try {
            Path dir = Files.createDirectories(modelsDirectory.resolve(name));
            byte[] weightBytes = floats(flatten(weights));
            TensorProto.Builder w = TensorProto.newBuilder().setName("W").addDims(PIXELS).addDims(CLASSES)
                    .setDataType(TensorProto.DataType.FLOAT.getNumber());
            if (externalData) {
                Files.write(dir.resolve(dataFile()), weightBytes);
                w.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(entry("location", dataFile()))
                        .addExternalData(entry("offset", "0"))
                        .addExternalData(entry("length", Integer.toString(weightBytes.length)));
            } else {
                w.setRawData(ByteString.copyFrom(weightBytes));
            }
            Files.write(dir.resolve(onnxFile()), model(w.build()).toByteArray());
            Files.writeString(dir.resolve(ModelFolder.MANIFEST), ManifestWriter.json(manifest(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelProto model(TensorProto w) {
        String output = kind == OutputKind.LOGITS ? "logits" : "probabilities";
        GraphProto.Builder graph = GraphProto.newBuilder().setName(name)
                .addInput(value("input", inputDims()))
                .addOutput(value(output, List.of(-1L, (long) CLASSES)))
                .addInitializer(w)
                .addInitializer(TensorProto.newBuilder().setName("b").addDims(CLASSES)
                        .setDataType(TensorProto.DataType.FLOAT.getNumber())
                        .setRawData(ByteString.copyFrom(floats(bias))));
        String flat = "input";
        if (layout != Layout.FLAT) {
            graph.addInitializer(TensorProto.newBuilder().setName("flat_shape").addDims(2)
                    .setDataType(TensorProto.DataType.INT64.getNumber()).addInt64Data(-1).addInt64Data(PIXELS));
            graph.addNode(node("Reshape", List.of("input", "flat_shape"), "flat"));
            flat = "flat";
        }
        graph.addNode(node("MatMul", List.of(flat, "W"), "scores"));
        graph.addNode(node("Add", List.of("scores", "b"), "logits"));
        if (kind == OutputKind.PROBABILITIES) {
            graph.addNode(node("Softmax", List.of("logits"), "probabilities"));
        }
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("mathsketch-engine-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build();
    }

    private List<Long> inputDims() {
        return switch (layout) {
            case NCHW -> List.of(-1L, 1L, 28L, 28L);
            case NHWC -> List.of(-1L, 28L, 28L, 1L);
            case FLAT -> List.of(-1L, (long) PIXELS);
        };
    }

    /** The manifest describing this model written into {@code dir}. */
    public ModelManifest manifest(Path dir) {
        List<ModelManifest.ExternalData> ext = externalData
                ? List.of(new ModelManifest.ExternalData(dataFile(), sha256(dir.resolve(dataFile()))))
                : List.of();
        return new ModelManifest(name, version, "nearest-class-mean test classifier", Optional.empty(),
                List.of(new ModelManifest.Artifact("OnnxRuntime", onnxFile(), sha256(dir.resolve(onnxFile())), ext)),
                new ModelManifest.Input("input", layout, DigitImage.SIDE, DigitImage.SIDE),
                new ModelManifest.Normalization(mean, std), polarity,
                new ModelManifest.Output(kind == OutputKind.LOGITS ? "logits" : "probabilities", kind),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Optional.empty());
    }

    double[] normalise(DigitImage digit) {
        float[] px = digit.pixels();
        double[] x = new double[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            double v = polarity == InkPolarity.DARK_ON_LIGHT ? 1.0 - px[p] : px[p];
            x[p] = (v - mean) / std;
        }
        return x;
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NodeProto node(String op, List<String> inputs, String output) {
        return NodeProto.newBuilder().setOpType(op).setName(op + "_" + output).addAllInput(inputs).addOutput(output)
                .build();
    }

    private static ValueInfoProto value(String name, List<Long> dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static float[] flatten(float[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * m[r].length, m[r].length);
        }
        return out;
    }

    private static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
