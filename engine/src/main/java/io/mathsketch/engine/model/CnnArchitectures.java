package io.mathsketch.engine.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The network definitions a manifest can name in its {@code architecture} field. DJL's {@code .params} files hold
 * weights only, so the PyTorch engine rebuilds the block from here; training builds the same block to train it.
 * ONNX models carry their own graph and need no entry here.
 */
public final class CnnArchitectures {

    /**
     * Three conv blocks (16, 32, 64 channels; 3x3, batch norm, ReLU, 2x2 max-pool) and a 128-unit dense head:
     * about 2.0 M multiply-accumulates and 99 k parameters per 1x28x28 image. Outputs 10 logits.
     */
    public static final String MATHSKETCH_CNN_V1 = "mathsketch-cnn-v1";

    /** {@link #MATHSKETCH_CNN_V1} with 18 outputs: the digits, {@code + − × ÷ = ( )} and the decimal point. */
    public static final String MATHSKETCH_CNN_V1_SYMBOLS = "mathsketch-cnn-v1-symbols";

    /** {@link #MATHSKETCH_CNN_V1} with 11 outputs: the digits and "not one digit" (number mode's verifier). */
    public static final String MATHSKETCH_CNN_V1_VERIFIER = "mathsketch-cnn-v1-verifier";

    /**
     * {@link #MATHSKETCH_CNN_V1} with 101 outputs: the pairs of digits {@code 00}-{@code 99} and "not two digits"
     * (number mode's pair reader).
     */
    public static final String MATHSKETCH_CNN_V1_PAIRS = "mathsketch-cnn-v1-pairs";

    /**
     * Number mode's line reader: a whole number line, 1 x 24 x 192 ({@code preprocess.LineCentering}), read by
     * conv blocks (16, 32, 64 channels; 3x3, batch norm, ReLU; max-pools 2x2, 2x2, 2x1), a 3x5 conv of 128 channels
     * over the remaining three rows, a 1x5 conv of 128 channels (each with batch norm and ReLU), and a 1x1 conv to
     * 11 logits (the digits, then the CTC blank) per column step: output (11, 1, 48), one step per four input
     * columns. About 21 M multiply-accumulates per line.
     */
    public static final String MATHSKETCH_CNN_V1_LINES = "mathsketch-cnn-v1-lines";

    private CnnArchitectures() {
    }

    /** Builds an uninitialised block for the named architecture. */
    public static Block build(String name) {
        return switch (name) {
            case MATHSKETCH_CNN_V1 -> mathsketchCnnV1(10);
            case MATHSKETCH_CNN_V1_SYMBOLS -> mathsketchCnnV1(18);
            case MATHSKETCH_CNN_V1_VERIFIER -> mathsketchCnnV1(11);
            case MATHSKETCH_CNN_V1_PAIRS -> mathsketchCnnV1(101);
            case MATHSKETCH_CNN_V1_LINES -> lines();
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "'; known: "
                    + MATHSKETCH_CNN_V1 + ", " + MATHSKETCH_CNN_V1_SYMBOLS + ", " + MATHSKETCH_CNN_V1_VERIFIER + ", "
                    + MATHSKETCH_CNN_V1_PAIRS + ", " + MATHSKETCH_CNN_V1_LINES);
        };
    }

    private static Block mathsketchCnnV1(int classes) {
        SequentialBlock net = new SequentialBlock();
        for (int channels : new int[] {16, 32, 64}) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(channels).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        return net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block lines() {
        SequentialBlock net = new SequentialBlock();
        int[] channels = {16, 32, 64};
        Shape[] pools = {new Shape(2, 2), new Shape(2, 2), new Shape(2, 1)};
        for (int i = 0; i < channels.length; i++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(channels[i]).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(pools[i], pools[i]));
        }
        // Three rows are left: the 3x5 conv reads them whole, and two steps of context on each side; a 1x5 conv
        // widens the context to about two digits each side, so that a stroke is read with its neighbours.
        return net.add(Conv2d.builder().setKernelShape(new Shape(3, 5)).optPadding(new Shape(0, 2)).setFilters(128)
                        .build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(1, 5)).optPadding(new Shape(0, 2)).setFilters(128)
                        .build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(11).build());
    }
}
