package io.mathsketch.training.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import io.mathsketch.engine.model.CnnArchitectures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxExporterTest {

    @Test
    void graphFollowsTheBlockAndDropsDropout() {
        try (Model model = Model.newInstance("export", Device.cpu(), "PyTorch")) {
            model.setBlock(CnnArchitectures.build(CnnArchitectures.MATHSKETCH_CNN_V1));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));

            ModelProto onnx = new OnnxExporter(model.getNDManager()).export((SequentialBlock) model.getBlock(),
                    new Shape(1, 28, 28), "test", "doc", Map.of("seed", "42"));

            List<String> ops = onnx.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
            assertEquals(List.of("Conv", "BatchNormalization", "Relu", "MaxPool", "Conv", "BatchNormalization", "Relu",
                    "MaxPool", "Conv", "BatchNormalization", "Relu", "MaxPool", "Flatten", "Gemm", "Relu", "Gemm"), ops);
            assertEquals(OnnxExporter.OPSET, onnx.getOpsetImport(0).getVersion());
            assertEquals("input", onnx.getGraph().getInput(0).getName());
            assertEquals("logits", onnx.getGraph().getOutput(0).getName());
            assertEquals("N", onnx.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
            assertEquals("42", onnx.getMetadataProps(0).getValue());
            long weights = onnx.getGraph().getInitializerList().stream().mapToLong(t -> t.getFloatDataCount()).sum();
            assertEquals(NetworkCost.of(model.getBlock(), new Shape(1, 28, 28)).trainableParameters() + 224, weights);
        }
    }

    @Test
    void unknownLambdaLayersAreRefused() {
        try (Model model = Model.newInstance("export", Device.cpu(), "PyTorch")) {
            SequentialBlock block = new SequentialBlock()
                    .add(Linear.builder().setUnits(4).build())
                    .add(Activation::sigmoid)
                    .add(Linear.builder().setUnits(2).build());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3));

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new OnnxExporter(model.getNDManager()).export(block, new Shape(3), "test", "doc", Map.of()));
            assertTrue(e.getMessage().contains("not ReLU"), e.getMessage());
        }
    }
}
