package io.mathsketch.engine.model;

import ai.djl.Device;
import io.mathsketch.engine.ModelLoadException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceSelectorTest {

    @Test
    void cpuNeverProbesTheGpu() throws Exception {
        DeviceSelector.Choice c = DeviceSelector.select("cpu", "OnnxRuntime",
                () -> { throw new AssertionError("probed"); }, () -> { throw new AssertionError("probed"); });
        assertEquals(Device.cpu(), c.device());
        assertFalse(c.fellBack());
    }

    @Test
    void gpuWithoutAGpuFailsStartUpInsteadOfFallingBack() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> DeviceSelector.select("gpu", "OnnxRuntime", () -> 0, () -> true));
        assertTrue(e.getMessage().contains("engine.device=gpu"), e.getMessage());
        assertTrue(e.getMessage().contains("no CUDA GPU"), e.getMessage());
    }

    @Test
    void gpuWithACpuOnlyEngineBuildFailsStartUp() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> DeviceSelector.select("GPU", "OnnxRuntime", () -> 2, () -> false));
        assertTrue(e.getMessage().contains("CPU-only build"), e.getMessage());
    }

    @Test
    void gpuWithAUsableGpuTakesTheFirstOne() throws Exception {
        assertEquals(Device.gpu(0), DeviceSelector.select("gpu", "PyTorch", () -> 1, () -> true).device());
    }

    @Test
    void autoTakesTheGpuWhenUsableElseTheCpuAndSaysWhy() throws Exception {
        assertEquals(Device.gpu(0), DeviceSelector.select("auto", "PyTorch", () -> 4, () -> true).device());
        DeviceSelector.Choice fallback = DeviceSelector.select("auto", "PyTorch", () -> 0, () -> true);
        assertEquals(Device.cpu(), fallback.device());
        assertTrue(fallback.fellBack());
        assertTrue(fallback.reason().contains("using the CPU"), fallback.reason());
    }

    @Test
    void unknownDeviceNamesTheKey() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> DeviceSelector.select("tpu", "PyTorch", () -> 0, () -> false));
        assertTrue(e.getMessage().contains("engine.device must be cpu, gpu or auto"), e.getMessage());
    }
}
