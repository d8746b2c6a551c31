package io.mathsketch.server.observe;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.DistributionStatisticsConfig;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.inference.InferenceListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's metrics, fed by its {@link InferenceListener} callbacks and tagged by model, engine and device:
 * time per stage ({@code mathsketch_recognition_stage_seconds{stage="queue|preprocess|inference|postprocess"}}),
 * batch sizes ({@code mathsketch_inference_batch_size}) and rejected requests ({@code mathsketch_inference_rejected}).
 */
public final class EngineMetrics implements InferenceListener {

    private static final Duration[] BUCKETS = {
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)};

    private final MeterRegistry registry;
    private final String engine;
    private final String device;
    // Meters are looked up once per model: a registry lookup rebuilds tags and ids, too costly for every request.
    private final Map<String, ModelMeters> meters = new ConcurrentHashMap<>();

    /** One model's meters. */
    private record ModelMeters(DistributionSummary batchSize, Timer queue, Timer preprocess, Timer inference,
                               Timer postprocess, Counter rejected) {
    }

    /**
     * @param registry where meters live
     * @param engine configured engine name, used as a tag
     * @param device configured device, used as a tag
     */
    public EngineMetrics(MeterRegistry registry, String engine, String device) {
        this.registry = registry;
        this.engine = engine;
        this.device = device;
    }

    @Override
    public void onBatch(String model, int digits, int requests, long inferenceNanos) {
        meters(model).batchSize().record(digits);
    }

    @Override
    public void onRecognition(String model, Recognition.Timings timings) {
        ModelMeters m = meters(model);
        m.queue().record(Duration.ofNanos(timings.queueNanos()));
        m.preprocess().record(Duration.ofNanos(timings.preprocessNanos()));
        m.inference().record(Duration.ofNanos(timings.inferenceNanos()));
        m.postprocess().record(Duration.ofNanos(timings.postprocessNanos()));
    }

    @Override
    public void onRejected(String model) {
        meters(model).rejected().increment();
    }

    private ModelMeters meters(String model) {
        return meters.computeIfAbsent(model, this::register);
    }

    private ModelMeters register(String model) {
        DistributionSummary batchSize = registry.getOrCreate(
                DistributionSummary.builder("mathsketch.inference.batch.size")
                        .description("Digits per inference call")
                        .tags(tags(model))
                        .distributionStatisticsConfig(DistributionStatisticsConfig.builder()
                                .buckets(1, 2, 4, 8, 16, 32, 64, 128, 256)));
        Counter rejected = registry.getOrCreate(Counter.builder("mathsketch.inference.rejected")
                .description("Requests rejected because the model's queue was full")
                .tags(tags(model)));
        return new ModelMeters(batchSize, stage(model, "queue"), stage(model, "preprocess"),
                stage(model, "inference"), stage(model, "postprocess"), rejected);
    }

    private Timer stage(String model, String stage) {
        List<Tag> tags = new ArrayList<>(tags(model));
        tags.add(Tag.create("stage", stage));
        return registry.getOrCreate(Timer.builder("mathsketch.recognition.stage")
                .description("Time per recognition stage")
                .tags(tags)
                .buckets(BUCKETS));
    }

    private List<Tag> tags(String model) {
        return List.of(Tag.create("model", model), Tag.create("engine", engine), Tag.create("device", device));
    }
}
