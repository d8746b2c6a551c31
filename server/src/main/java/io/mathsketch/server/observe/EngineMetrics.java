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
        registry.getOrCreate(DistributionSummary.builder("mathsketch.inference.batch.size")
                        .description("Digits per inference call")
                        .tags(tags(model))
                        .distributionStatisticsConfig(DistributionStatisticsConfig.builder()
                                .buckets(1, 2, 4, 8, 16, 32, 64, 128, 256)))
                .record(digits);
    }

    @Override
    public void onRecognition(String model, Recognition.Timings timings) {
        stage(model, "queue").record(Duration.ofNanos(timings.queueNanos()));
        stage(model, "preprocess").record(Duration.ofNanos(timings.preprocessNanos()));
        stage(model, "inference").record(Duration.ofNanos(timings.inferenceNanos()));
        stage(model, "postprocess").record(Duration.ofNanos(timings.postprocessNanos()));
    }

    @Override
    public void onRejected(String model) {
        registry.getOrCreate(Counter.builder("mathsketch.inference.rejected")
                .description("Requests rejected because the model's queue was full")
                .tags(tags(model))).increment();
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
