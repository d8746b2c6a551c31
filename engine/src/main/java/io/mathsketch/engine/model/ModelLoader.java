package io.mathsketch.engine.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import io.mathsketch.engine.ModelLoadException;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a verified {@link ModelFolder} into one engine on one device through DJL {@link Criteria}. ONNX models carry
 * their graph; PyTorch {@code .params} files hold weights only, so their block is rebuilt from
 * {@link CnnArchitectures} by the manifest's {@code architecture}.
 */
public final class ModelLoader {

    /** DJL names parameter files {@code <prefix>-<epoch>.params}; its loader needs both parts. */
    private static final Pattern PARAMS = Pattern.compile("(.+)-(\\d{4})\\.params");

    private final String engine;
    private final Device device;
    private final int intraOpThreads;

    /**
     * @param engine canonical engine name ({@link EngineResolver#canonicalName})
     * @param device device to load on ({@link DeviceSelector})
     * @param intraOpThreads threads per inference call (ONNX Runtime session option)
     */
    public ModelLoader(String engine, Device device, int intraOpThreads) {
        this.engine = engine;
        this.device = device;
        this.intraOpThreads = intraOpThreads;
    }

    public String engine() {
        return engine;
    }

    public Device device() {
        return device;
    }

    public LoadedModel load(ModelFolder folder) throws ModelLoadException {
        return new LoadedModel(folder, load(folder, DigitBatch.class, float[][].class,
                new DigitTranslator(folder.manifest())), engine, device);
    }

    /**
     * Loads number mode's line reader (a manifest with {@code CtcScore.LABELS}): whole number lines in, per-step
     * logits out ({@link LineTranslator}).
     */
    public ZooModel<float[][], float[][][]> loadLines(ModelFolder folder) throws ModelLoadException {
        return load(folder, float[][].class, float[][][].class, new LineTranslator(folder.manifest()));
    }

    private <I, O> ZooModel<I, O> load(ModelFolder folder, Class<I> input, Class<O> output,
                                       ai.djl.translate.Translator<I, O> translator) throws ModelLoadException {
        Criteria.Builder<I, O> builder = Criteria.builder()
                .setTypes(input, output)
                .optModelPath(folder.directory())
                .optEngine(engine)
                .optDevice(device)
                .optTranslator(translator);
        String file = folder.artifact().file();
        if (engine.equals(EngineResolver.PYTORCH)) {
            Matcher m = PARAMS.matcher(file);
            if (!m.matches()) {
                throw new ModelLoadException(folder.directory().resolve(ModelFolder.MANIFEST) + ": PyTorch artifact '"
                        + file + "' must be named <prefix>-NNNN.params (DJL's parameter file convention)");
            }
            builder.optBlock(architecture(folder))
                    .optModelName(m.group(1))
                    .optOption("epoch", Integer.toString(Integer.parseInt(m.group(2))));
        } else {
            // The session owns its own intra-op pool; inter-op parallelism is useless for a sequential CNN.
            // On a GPU device DJL's OrtModel adds the CUDA execution provider for device.getDeviceId().
            builder.optModelName(file)
                    .optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                    .optOption("interOpNumThreads", "1");
        }
        try {
            return builder.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ModelLoadException(engine + " could not load " + folder.artifactPath() + ": " + e.getMessage()
                    + " (is it a valid " + engine + " model for this engine version?)", e);
        }
    }

    private static ai.djl.nn.Block architecture(ModelFolder folder) throws ModelLoadException {
        String name = folder.manifest().architecture().orElseThrow();
        try {
            return CnnArchitectures.build(name);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(folder.directory().resolve(ModelFolder.MANIFEST) + ": field 'architecture' "
                    + e.getMessage(), e);
        }
    }
}
