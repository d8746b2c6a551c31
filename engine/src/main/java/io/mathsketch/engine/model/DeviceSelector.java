package io.mathsketch.engine.model;

import ai.djl.Device;
import io.mathsketch.engine.ModelLoadException;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Decides the device from the configured {@code engine.device} and what the engine reports. Pure (the GPU count and
 * CUDA availability are passed in) so the policy is tested on a CPU-only machine: {@code gpu} without a usable GPU
 * fails start-up rather than silently running on the CPU; {@code auto} takes GPU 0 when usable, else the CPU.
 */
public final class DeviceSelector {

    private DeviceSelector() {
    }

    /**
     * @param device chosen device
     * @param fellBack true when {@code auto} found no usable GPU (worth one INFO line)
     * @param reason why, for that log line
     */
    public record Choice(Device device, boolean fellBack, String reason) {
    }

    /**
     * @param requested {@code cpu}, {@code gpu} or {@code auto} (case-insensitive)
     * @param engine engine name, for messages
     * @param gpuCount GPUs the engine sees ({@code Engine.getGpuCount()}); asked only for gpu and auto
     * @param cudaSupported whether the engine build can run on CUDA ({@code Engine.hasCapability("CUDA")}); asked
     *                      only for gpu and auto, because probing it makes ONNX Runtime log a warning on CPU builds
     */
    public static Choice select(String requested, String engine, IntSupplier gpuCount, BooleanSupplier cudaSupported)
            throws ModelLoadException {
        String mode = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
        if (mode.equals("cpu")) {
            return new Choice(Device.cpu(), false, "engine.device=cpu");
        }
        if (!mode.equals("gpu") && !mode.equals("auto")) {
            throw new ModelLoadException("engine.device must be cpu, gpu or auto, was '" + requested + "'");
        }
        int gpus = gpuCount.getAsInt();
        boolean usable = gpus > 0 && cudaSupported.getAsBoolean();
        String missing = gpus == 0
                ? "no CUDA GPU is visible to " + engine
                : engine + " on the classpath is a CPU-only build (no CUDA support)";
        return switch (mode) {
            case "gpu" -> {
                if (!usable) {
                    throw new ModelLoadException("engine.device=gpu but " + missing + ": set engine.device to cpu"
                            + " or auto, or run on a CUDA machine with the " + engine + " GPU natives (see README)");
                }
                yield new Choice(Device.gpu(0), false, "engine.device=gpu");
            }
            default -> usable
                    ? new Choice(Device.gpu(0), false, "engine.device=auto and " + gpus + " GPU(s) visible")
                    : new Choice(Device.cpu(), true, "engine.device=auto: " + missing + ", using the CPU");
        };
    }
}
