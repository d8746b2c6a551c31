package io.mathsketch.engine.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine is configured with: section {@code engine} (with {@code engine.batching}) and section
 * {@code limits}. The keys, their defaults and their checks are declared here once; the server reads them with
 * {@link #from(ConfigValues)}, the CLI and benchmarks start from {@link #builder()}.
 *
 * @param modelsDirectory folder holding one sub-folder per model ({@code models/<name>/manifest.json})
 * @param models names of the model folders to load; the first is the default
 * @param engine DJL engine name, canonical: one of {@link #ENGINES}
 * @param device {@code cpu}, {@code gpu} or {@code auto}
 * @param workers inference workers (one predictor each) per model
 * @param intraOpThreads engine threads per inference call; workers x intraOpThreads should not exceed the cores
 * @param batching how workers form batches
 * @param limits input limits
 */
public record EngineConfig(Path modelsDirectory, List<String> models, String engine, String device, int workers,
                           int intraOpThreads, Batching batching, InputLimits limits) {

    /** The DJL engines MathSketch serves with, in canonical spelling. */
    public static final List<String> ENGINES = List.of("OnnxRuntime", "PyTorch");

    public static final Key<String> MODELS_DIR = Key.string("models-dir", "models");
    /**
     * Every committed model, so that a server started without configuration reads all its modes: the digit model
     * (first, the default), the symbol model for {@code mode=expression}, and the digit verifier that weighs number
     * mode's segmentation candidates and the pair reader that reads two touching digits among them, and the line
     * reader that reads a whole number line to rescore the segmentation's best readings. A digit-only deployment
     * lists {@code mnist-cnn} alone.
     */
    public static final Key<List<String>> MODELS = Key.list("models",
            "mnist-cnn,mathsketch-symbols,mathsketch-digit-verifier,mathsketch-digit-pairs,mathsketch-line-reader");
    public static final Key<String> DEFAULT_MODEL = Key.string("default-model", "")
            .derivedDefault("first of `engine.models`");
    public static final Key<String> NAME = Key.oneOf("name", "OnnxRuntime", ENGINES);
    public static final Key<String> DEVICE = Key.oneOf("device", "cpu", List.of("cpu", "gpu", "auto"));
    /** Absent: half the cores, leaving the other half to HTTP and preprocessing ({@link #defaultWorkers()}). */
    public static final Key<Integer> WORKERS = Key.integer("workers", 1, 1, 256)
            .derivedDefault("half the cores, at least 1");
    public static final Key<Integer> INTRA_OP_THREADS = Key.integer("intra-op-threads", 1, 1, 256);

    public EngineConfig {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new InvalidConfigException(MODELS.name(), "", "a list of at least one model folder name");
        }
        NAME.check(engine);
        DEVICE.check(device);
        WORKERS.check(workers);
        INTRA_OP_THREADS.check(intraOpThreads);
    }

    /** Reads sections {@code engine} and {@code limits} of the configuration root; absent keys take defaults. */
    public static EngineConfig from(ConfigValues root) {
        InputLimits limits = root.read("limits", InputLimits::from);
        return root.read("engine", engine -> {
            List<String> models = engine.get(MODELS);
            Builder builder = builder()
                    .modelsDirectory(Path.of(engine.get(MODELS_DIR)))
                    .models(defaultFirst(models, engine.find(DEFAULT_MODEL)))
                    .engine(engine.get(NAME))
                    .device(engine.get(DEVICE))
                    .intraOpThreads(engine.get(INTRA_OP_THREADS))
                    .batching(engine.read("batching", Batching::from))
                    .limits(limits);
            engine.find(WORKERS).ifPresent(builder::workers);
            return builder.build();
        });
    }

    /** The same configuration with the models folder replaced (the server resolves a relative one). */
    public EngineConfig withModelsDirectory(Path directory) {
        return new EngineConfig(directory, models, engine, device, workers, intraOpThreads, batching, limits);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What an absent {@code engine.workers} means. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    private static List<String> defaultFirst(List<String> models, Optional<String> defaultModel) {
        if (defaultModel.isEmpty() || models.isEmpty()) {
            return models;
        }
        if (!models.contains(defaultModel.get())) {
            throw new InvalidConfigException(DEFAULT_MODEL.name(), defaultModel.get(),
                    "one of engine.models " + models);
        }
        List<String> ordered = new ArrayList<>(models);
        ordered.remove(defaultModel.get());
        ordered.addFirst(defaultModel.get());
        return ordered;
    }

    /** Starts from every default: the {@code models} folder, {@code mnist-cnn}, ONNX Runtime on the CPU. */
    public static final class Builder {
        private Path modelsDirectory = Path.of(MODELS_DIR.defaultValue());
        private List<String> models = MODELS.defaultValue();
        private String engine = NAME.defaultValue();
        private String device = DEVICE.defaultValue();
        private int workers = defaultWorkers();
        private int intraOpThreads = INTRA_OP_THREADS.defaultValue();
        private Batching batching = Batching.builder().build();
        private InputLimits limits = InputLimits.DEFAULT;

        private Builder() {
        }

        public Builder modelsDirectory(Path modelsDirectory) {
            this.modelsDirectory = modelsDirectory;
            return this;
        }

        /** Model folder names; the first is the default model. */
        public Builder models(List<String> models) {
            this.models = models;
            return this;
        }

        public Builder model(String model) {
            return models(List.of(model));
        }

        /** Engine name, matched case-insensitively. */
        public Builder engine(String engine) {
            this.engine = NAME.parse(engine);
            return this;
        }

        /** {@code cpu}, {@code gpu} or {@code auto}, matched case-insensitively. */
        public Builder device(String device) {
            this.device = DEVICE.parse(device);
            return this;
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder intraOpThreads(int intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
            return this;
        }

        public Builder batching(Batching batching) {
            this.batching = batching;
            return this;
        }

        public Builder limits(InputLimits limits) {
            this.limits = limits;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(modelsDirectory, models, engine, device, workers, intraOpThreads, batching,
                    limits);
        }
    }
}
