package io.mathsketch.training.export;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;

/**
 * Size and compute of a sequential network for one input image, counted layer by layer from the block itself:
 * trainable parameters, non-trainable buffers (batch-norm running statistics) and the multiply-accumulates of the
 * convolutions and dense layers (batch norm, ReLU and pooling are element-wise and not counted as MACs).
 */
public record NetworkCost(long trainableParameters, long bufferParameters, long macs) {

    /**
     * @param block an initialised block
     * @param input shape of one input without the batch dimension
     */
    public static NetworkCost of(Block block, Shape input) {
        long trainable = 0, buffers = 0, macs = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            long size = p.getValue().getArray().size();
            if (p.getValue().requiresGradient()) {
                trainable += size;
            } else {
                buffers += size;
            }
        }
        Shape shape = new Shape(1).addAll(input);
        for (Pair<String, Block> child : block.getChildren()) {
            Block layer = child.getValue();
            Shape out = layer.getOutputShapes(new Shape[] {shape})[0];
            if (layer instanceof Convolution conv) {
                long kernel = conv.getKernelShape().size() * (shape.get(1) / conv.getGroups());
                macs += out.size() * kernel;
            } else if (layer instanceof Linear) {
                macs += out.size() * shape.size();
            }
            shape = out;
        }
        return new NetworkCost(trainable, buffers, macs);
    }
}
