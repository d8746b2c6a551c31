package io.mathsketch.training.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Translates a trained DJL {@link SequentialBlock} of conv / batch-norm / ReLU / max-pool / flatten / linear layers
 * into an inference ONNX graph (opset 13) with the ONNX protobuf classes: Conv, BatchNormalization with the running
 * statistics, Relu, MaxPool, Flatten, Gemm ({@code transB = 1}, as DJL stores Linear weights output-major). Dropout
 * is the identity at inference and is left out. The batch dimension is symbolic ({@code N}).
 */
public final class OnnxExporter {

    public static final int OPSET = 13;
    /** IR version 8 is what opset 13 to 17 producers write; every ONNX Runtime since 1.10 reads it. */
    private static final long IR_VERSION = 8;
    /** DJL's BatchNorm default, which CnnArchitectures does not override (the block does not expose it). */
    static final float BATCH_NORM_EPSILON = 1e-5f;
    private static final String INPUT = "input";
    private static final String OUTPUT = "logits";

    private final NDManager manager;

    /** @param manager used only to probe unnamed lambda layers with a small array */
    public OnnxExporter(NDManager manager) {
        this.manager = manager;
    }

    /**
     * @param block    an initialised, trained sequential block
     * @param input    shape of one input without the batch dimension, e.g. (1, 28, 28)
     * @param metadata provenance written into the model's {@code metadata_props}
     * @throws IllegalArgumentException for a layer this exporter cannot translate
     */
    public ModelProto export(SequentialBlock block, Shape input, String producerVersion, String docString,
                             Map<String, String> metadata) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("mnist-cnn");
        Shape shape = new Shape(1).addAll(input);
        graph.addInput(valueInfo(INPUT, shape));
        String current = INPUT;
        List<Pair<String, Block>> layers = new ArrayList<>();
        block.getChildren().forEach(layers::add);
        int last = layers.size() - 1;
        for (int i = 0; i <= last; i++) {
            String name = layers.get(i).getKey();
            Block layer = layers.get(i).getValue();
            Shape next = layer.getOutputShapes(new Shape[] {shape})[0];
            String output = i == last ? OUTPUT : name;
            current = translate(graph, name, layer, current, output, shape, next);
            shape = next;
        }
        if (!current.equals(OUTPUT)) {
            throw new IllegalArgumentException("the last layer must produce the output, not be left out");
        }
        graph.addOutput(valueInfo(OUTPUT, shape));

        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("MathSketch training")
                .setProducerVersion(producerVersion)
                .setDomain("io.mathsketch")
                .setModelVersion(1)
                .setDocString(docString)
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    /** Adds the nodes for one layer; returns the name of its output value (its input when left out). */
    private String translate(GraphProto.Builder graph, String name, Block layer, String in, String out, Shape inShape,
                             Shape outShape) {
        if (layer instanceof Conv2d conv) {
            if (conv.getGroups() != 1) {
                throw new IllegalArgumentException(name + ": grouped convolution is not supported");
            }
            long[] pad = conv.getPadding().getShape();
            graph.addNode(node("Conv", name, List.of(in, initializer(graph, name, conv, "weight"),
                            initializer(graph, name, conv, "bias")), out)
                    .addAttribute(ints("kernel_shape", conv.getKernelShape().getShape()))
                    .addAttribute(ints("strides", conv.getStride().getShape()))
                    .addAttribute(ints("dilations", conv.getDilation().getShape()))
                    .addAttribute(ints("pads", new long[] {pad[0], pad[1], pad[0], pad[1]})));
            return out;
        }
        if (layer instanceof BatchNorm norm) {
            graph.addNode(node("BatchNormalization", name, List.of(in, initializer(graph, name, norm, "gamma"),
                    initializer(graph, name, norm, "beta"), initializer(graph, name, norm, "runningMean"),
                    initializer(graph, name, norm, "runningVar")), out)
                    .addAttribute(AttributeProto.newBuilder().setName("epsilon")
                            .setType(AttributeProto.AttributeType.FLOAT).setF(BATCH_NORM_EPSILON)));
            return out;
        }
        if (layer instanceof Linear linear) {
            graph.addNode(node("Gemm", name, List.of(in, initializer(graph, name, linear, "weight"),
                    initializer(graph, name, linear, "bias")), out)
                    .addAttribute(AttributeProto.newBuilder().setName("transB")
                            .setType(AttributeProto.AttributeType.INT).setI(1)));
            return out;
        }
        if (layer instanceof Dropout) {
            // The identity at inference: no node, the next layer reads this layer's input.
            return in;
        }
        if (layer instanceof LambdaBlock lambda) {
            return translateLambda(graph, name, lambda, in, out, inShape, outShape);
        }
        throw new IllegalArgumentException(name + ": cannot export a " + layer.getClass().getSimpleName());
    }

    private String translateLambda(GraphProto.Builder graph, String name, LambdaBlock lambda, String in, String out,
                                   Shape inShape, Shape outShape) {
        switch (lambda.getName()) {
            case "maxPool2d" -> {
                // Pools whose kernel is their stride and divides the input (2x2; 2x1 in the line reader).
                long[] i = inShape.getShape(), o = outShape.getShape();
                // An axis the pool keeps has kernel 1; one it halves (rounding down), kernel 2.
                long kh = o[2] == i[2] ? 1 : 2, kw = o[3] == i[3] ? 1 : 2;
                if (o[2] != i[2] / kh || o[3] != i[3] / kw) {
                    throw new IllegalArgumentException(name + ": only 2x2, 2x1 or 1x2 max-pooling with the kernel"
                            + " as stride is supported");
                }
                graph.addNode(node("MaxPool", name, List.of(in), out)
                        .addAttribute(ints("kernel_shape", new long[] {kh, kw}))
                        .addAttribute(ints("strides", new long[] {kh, kw})));
            }
            case "batchFlatten" -> graph.addNode(node("Flatten", name, List.of(in), out)
                    .addAttribute(AttributeProto.newBuilder().setName("axis")
                            .setType(AttributeProto.AttributeType.INT).setI(1)));
            case "ReLU" -> graph.addNode(node("Relu", name, List.of(in), out));
            case LambdaBlock.DEFAULT_NAME -> {
                // CnnArchitectures adds ReLU as a method reference, which DJL cannot name: check what it computes.
                if (!behavesAsRelu(lambda, inShape)) {
                    throw new IllegalArgumentException(name + ": unnamed lambda layer that is not ReLU");
                }
                graph.addNode(node("Relu", name, List.of(in), out));
            }
            default -> throw new IllegalArgumentException(name + ": cannot export lambda '" + lambda.getName() + "'");
        }
        return out;
    }

    private boolean behavesAsRelu(LambdaBlock lambda, Shape inShape) {
        try (NDManager probe = manager.newSubManager()) {
            NDArray x = probe.randomNormal(inShape);
            NDArray y = lambda.forward(new ParameterStore(probe, false), new NDList(x), false).singletonOrThrow();
            return y.getShape().equals(inShape) && Arrays.equals(y.toFloatArray(), x.maximum(0f).toFloatArray());
        }
    }

    /** Adds a layer's parameter as an initializer named {@code <layer>.<parameter>}, e.g. {@code 01Conv2d.weight}. */
    private static String initializer(GraphProto.Builder graph, String layerName, Block layer, String parameter) {
        Parameter p = layer.getDirectParameters().get(parameter);
        if (p == null || !p.isInitialized()) {
            throw new IllegalArgumentException(layerName + " has no initialised parameter '" + parameter + "'");
        }
        NDArray array = p.getArray();
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(layerName + "." + parameter + " is " + array.getDataType() + ", not float32");
        }
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(layerName + "." + parameter)
                .setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long d : array.getShape().getShape()) {
            tensor.addDims(d);
        }
        for (float v : array.toFloatArray()) {
            tensor.addFloatData(v);
        }
        graph.addInitializer(tensor);
        return tensor.getName();
    }

    private static NodeProto.Builder node(String op, String name, List<String> inputs, String output) {
        return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output);
    }

    private static AttributeProto ints(String name, long[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static ValueInfoProto valueInfo(String name, Shape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (int i = 1; i < shape.dimension(); i++) {
            dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(shape.get(i)));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(dims)))
                .build();
    }
}
