package io.mathsketch.training.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.mathsketch.engine.model.CnnArchitectures;
import org.junit.jupiter.api.Test;

class NetworkCostTest {

    private static long conv(long in, long out) {
        return out * in * 9 + out;
    }

    private static long dense(long in, long out) {
        return out * in + out;
    }

    @Test
    void countsParametersAndMacsOfTheShippedArchitecture() {
        try (Model model = Model.newInstance("cost", Device.cpu(), "PyTorch")) {
            model.setBlock(CnnArchitectures.build(CnnArchitectures.MATHSKETCH_CNN_V1));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));

            NetworkCost cost = NetworkCost.of(model.getBlock(), new Shape(1, 28, 28));

            // Per layer, from the architecture's definition: 3x3 convs 1->16->32->64 at 28, 14 and 7 pixels, batch
            // norm scale and shift per channel, pooling 7 -> 3, then 576 -> 128 -> 10 dense layers.
            long batchNormChannels = 16 + 32 + 64;
            assertEquals(conv(1, 16) + conv(16, 32) + conv(32, 64) + 2 * batchNormChannels + dense(576, 128)
                    + dense(128, 10), cost.trainableParameters());
            assertEquals(2 * batchNormChannels, cost.bufferParameters());
            assertEquals(28 * 28 * 16 * 9L + 14 * 14 * 32 * 16 * 9L + 7 * 7 * 64 * 32 * 9L + 576 * 128 + 128 * 10,
                    cost.macs());
        }
    }
}
