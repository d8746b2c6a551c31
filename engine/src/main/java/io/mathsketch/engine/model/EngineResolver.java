package io.mathsketch.engine.model;

import ai.djl.engine.Engine;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.config.EngineConfig;

import java.util.List;

/**
 * Maps the configured engine name to a DJL engine that is actually usable, and applies the process-wide engine
 * settings DJL reads only once, when an engine is first created (thread counts, no hybrid fallback, no downloads).
 */
public final class EngineResolver {

    public static final String ONNX_RUNTIME = EngineConfig.ENGINES.get(0);
    public static final String PYTORCH = EngineConfig.ENGINES.get(1);
    private static final List<String> SUPPORTED = EngineConfig.ENGINES;

    private EngineResolver() {
    }

    /** Canonical engine name for a configured one, or a start-up error naming the fix. */
    public static String canonicalName(String configured) throws ModelLoadException {
        for (String name : SUPPORTED) {
            if (name.equalsIgnoreCase(configured == null ? "" : configured.trim())) {
                return name;
            }
        }
        throw new ModelLoadException("engine.name: unknown engine '" + configured + "'; supported: "
                + String.join(", ", SUPPORTED));
    }

    /** The supported engines whose jar is on the classpath, for reporting (DJL's internal engines left out). */
    public static List<String> availableEngines() {
        return SUPPORTED.stream().filter(Engine::hasEngine).toList();
    }

    /**
     * Sets DJL's engine system properties unless already set: ONNX Runtime never delegates NDArray operations to
     * another engine (our pre/post-processing is plain Java), PyTorch uses {@code intraOpThreads} threads per call,
     * and DJL never downloads natives. Must run before the engine is first used; DJL reads these once per JVM.
     */
    public static void applyProcessSettings(int intraOpThreads) {
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** The DJL engine for a canonical name, or a start-up error naming the fix when it is absent or broken. */
    public static Engine engine(String name) throws ModelLoadException {
        if (!Engine.hasEngine(name)) {
            String fix = name.equals(PYTORCH)
                    ? "build the server with -Dwith-pytorch (see README)"
                    : "add ai.djl.onnxruntime:onnxruntime-engine to the classpath";
            throw new ModelLoadException(name + " engine is not on the classpath (engines found: "
                    + Engine.getAllEngines() + "): " + fix);
        }
        try {
            return Engine.getEngine(name);
        } catch (RuntimeException | LinkageError e) {
            throw new ModelLoadException(name + " engine is on the classpath but its native library failed to"
                    + " load (" + e.getMessage() + "): check that the natives jar matches this OS/CPU"
                    + " (see README)", e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
