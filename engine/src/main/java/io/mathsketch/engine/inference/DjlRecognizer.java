package io.mathsketch.engine.inference;

import io.mathsketch.engine.image.Box;

import ai.djl.engine.Engine;
import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.WorkMeter;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.model.DeviceSelector;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.model.ModelManifest;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.number.CtcScore;
import io.mathsketch.engine.number.DigitPairs;
import io.mathsketch.engine.number.DigitScorer;
import io.mathsketch.engine.number.LineScorer;
import io.mathsketch.engine.number.DigitVerifier;
import io.mathsketch.engine.number.InkNumberReader;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.expression.Evaluation;
import io.mathsketch.engine.expression.ExpressionException;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.symbols.SymbolChoice;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.ink.InkRenderer;
import io.mathsketch.engine.ink.InkWork;


import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's {@link Recognizer}: every configured model folder verified, loaded into the configured DJL engine and
 * device, and served by a {@link ModelPool}; requests are preprocessed on the caller's thread and batched per model.
 * {@link #reload} swaps a model atomically: requests already queued finish on the old instance.
 */
public final class DjlRecognizer implements Recognizer {

    private static final System.Logger LOG = System.getLogger(DjlRecognizer.class.getName());

    private final EngineConfig config;
    private final ModelLoader loader;
    private final InferenceListener listener;
    private final ImagePreprocessor preprocessor;
    private final ExpressionLayout expressions;
    private final ExpressionParser parser = new ExpressionParser();
    private final NumberReader numbers;
    private final InkNumberReader inkNumbers;
    /**
     * Longest side of the picture an expression written in ink is drawn on for segmentation: twice the page's
     * number surface, room for a line of 64 symbols.
     */
    private static final int EXPRESSION_SIDE = 1120;

    private final InkRenderer inkRenderer = new InkRenderer();

    /**
     * The drawing work reading {@code ink} in {@code mode} takes at least, counted without drawing (a row of pixels
     * at a time, a small part of drawing): the ink drawn on expression mode's surface, or as one digit at the
     * model's size in digit and number mode (number mode draws parts of it, each at least as large, and groups its
     * strokes, within {@code limits.max-ink-work} all together). For a caller that prices a request before it is read.
     *
     * @throws RecognitionException.InkTooLarge when that alone is over {@code limits.max-ink-work}, as reading it
     *                                          would be refused
     */
    public static long inkWork(Ink ink, RecognitionRequest.Mode mode, InputLimits limits)
            throws RecognitionException.InkTooLarge {
        InkRenderer renderer = new InkRenderer();
        InkWork work = new InkWork(limits.maxInkWork());
        return mode == RecognitionRequest.Mode.EXPRESSION ? renderer.surfaceWork(ink, EXPRESSION_SIDE, work)
                : renderer.checkDigit(ink, work);
    }
    /** Folder name to the pool serving it; insertion order is the configuration's, the default first. */
    private final Map<String, AtomicReference<ModelPool>> pools;
    /** Number mode's line reader when {@code engine.models} lists one (it is no pool: see {@link #open}); or null. */
    private final LineReaderSlot lineReader;
    private final String defaultModel;
    private final Object reloading = new Object();
    private volatile boolean closed;

    private DjlRecognizer(EngineConfig config, ModelLoader loader, InferenceListener listener,
                          Map<String, AtomicReference<ModelPool>> pools, LineReaderSlot lineReader) {
        this.config = config;
        this.loader = loader;
        this.listener = listener;
        this.preprocessor = new ImagePreprocessor(config.limits());
        // One preprocessor, so one decode budget, for every mode.
        this.expressions = new ExpressionLayout(preprocessor);
        this.numbers = new NumberReader(preprocessor, config.limits());
        this.inkNumbers = new InkNumberReader(config.limits());
        this.pools = pools;
        this.lineReader = lineReader;
        this.defaultModel = config.models().getFirst();
    }

    /** Loads and warms up every configured model; see {@link #open(EngineConfig, InferenceListener)}. */
    public static DjlRecognizer open(EngineConfig config) throws ModelLoadException {
        return open(config, InferenceListener.NONE);
    }

    /**
     * Loads every model in {@code config.models()} (the first is the default), verifying checksums, and returns once
     * each worker has warmed up. A model whose labels are the line reader's ({@link CtcScore#LABELS}) is number mode's
     * line reader: loaded beside the pools, read once per number on the request's thread, listed by {@link #models}
     * (after the pools) and reloaded by {@link #reload} like them, but never the default nor a model a request can
     * name (it reads no digits by itself).
     *
     * @throws ModelLoadException naming the fix: bad folder or manifest, checksum mismatch, unknown or absent
     *                            engine, GPU requested but unavailable
     */
    public static DjlRecognizer open(EngineConfig config, InferenceListener listener) throws ModelLoadException {
        InferenceListener guarded = GuardedListener.of(listener);
        String engineName = config.engine();
        EngineResolver.applyProcessSettings(config.intraOpThreads());
        Engine engine = EngineResolver.engine(engineName);
        DeviceSelector.Choice device = DeviceSelector.select(config.device(), engineName, engine::getGpuCount,
                () -> engine.hasCapability("CUDA"));
        if (device.fellBack()) {
            LOG.log(Level.INFO, device.reason());
        }
        ModelLoader loader = new ModelLoader(engineName, device.device(), config.intraOpThreads());
        Map<String, AtomicReference<ModelPool>> pools = new LinkedHashMap<>();
        LineReaderModel lineReader = null;
        try {
            for (String name : config.models()) {
                if (pools.containsKey(name) || lineReader != null && lineReader.manifest().name().equals(name)) {
                    throw new ModelLoadException("engine.models lists '" + name + "' twice");
                }
                ModelFolder folder = openFolder(config, loader, name);
                if (!folder.manifest().labels().equals(CtcScore.LABELS)) {
                    pools.put(name, new AtomicReference<>(ModelPool.start(loader.load(folder), config, guarded)));
                    continue;
                }
                // The line reader reads whole number lines, not digits: number mode's helper, never a pool.
                if (name.equals(config.models().getFirst())) {
                    throw new ModelLoadException("engine.models: '" + name + "' is number mode's line reader, which"
                            + " reads no digits by itself; list a digit model first");
                }
                if (lineReader != null) {
                    throw new ModelLoadException("engine.models lists two line readers: '"
                            + lineReader.manifest().name() + "' and '" + name + "'");
                }
                lineReader = LineReaderModel.start(loader, folder);
            }
        } catch (ModelLoadException | RuntimeException e) {
            pools.values().forEach(p -> p.get().close());
            if (lineReader != null) {
                lineReader.close();
            }
            throw e;
        }
        DjlRecognizer recognizer = new DjlRecognizer(config, loader, guarded, pools,
                lineReader == null ? null : new LineReaderSlot(lineReader));
        recognizer.models().forEach(m -> LOG.log(Level.INFO, "model " + m.name() + ":" + m.version() + " ready on "
                + m.engine() + " " + m.device() + " (" + m.workers() + " workers, batches up to " + m.maxBatchSize()
                + ")"));
        return recognizer;
    }

    @Override
    public Recognition recognize(RecognitionRequest request) throws RecognitionException {
        return recognize(request, WorkMeter.NONE);
    }

    @Override
    public Recognition recognize(RecognitionRequest request, WorkMeter work) throws RecognitionException {
        ModelReference reference = request.model().isPresent()
                ? ModelReference.parse(request.model().get())
                : new ModelReference(request.mode() == RecognitionRequest.Mode.EXPRESSION ? symbolModel() : defaultModel,
                        Optional.empty());
        AtomicReference<ModelPool> slot = slot(reference);
        long start = System.nanoTime();
        List<DigitImage> digits = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        // Number mode's digits come already read: the search chose them by the scores of the candidate pass.
        List<float[]> scored = new ArrayList<>();
        ScoringPass pass = new ScoringPass();
        long preprocessNanos;
        ModelPool pool = null;
        CompletableFuture<InferenceResult> pending = null;
        ExpressionLayout.Laid expression;
        try (BatchCollector.Arrival arrival = slot.get().announce()) {
            boolean digitReader = slot.get().manifest().labels().equals(DIGIT_LABELS);
            expression = prepare(request, digits, boxes, scored,
                    metered(candidates -> score(slot, reference, candidates, pass), work), digitReader, work);
            preprocessNanos = System.nanoTime() - start;
            if (scored.isEmpty()) {
                work.add((long) digits.size() * WorkMeter.MODEL_INPUT);
            }
            arrival.close();
            while (scored.isEmpty()) {
                pool = slot.get();
                checkVersion(reference, pool.manifest());
                Optional<CompletableFuture<InferenceResult>> future = pool.submit(new DigitBatch(digits));
                if (future.isPresent()) {
                    pending = future.get();
                    break;
                }
                if (closed) {
                    throw new RecognitionException.InferenceFailed("the recognizer is shut down", null);
                }
                // The pool closed between slot.get() and submit: a reload swapped it, retry on the new one.
            }
        }
        InferenceResult result;
        if (pending != null) {
            result = await(pending);
        } else {
            result = new InferenceResult(scored.toArray(float[][]::new), pass.queueNanos, pass.inferenceNanos,
                    pass.batchSize);
            pool = pass.pool;
        }

        long postStart = System.nanoTime();
        ModelManifest manifest = pool.manifest();
        if (expression != null) {
            return expression(expression, manifest, result, pool, digits, preprocessNanos, postStart);
        }
        List<DigitReading> readings = new ArrayList<>(digits.size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < digits.size(); i++) {
            DigitReading reading = reading(manifest.labels(), result.probabilities()[i], boxes.get(i), digits.get(i));
            readings.add(reading);
            text.append(reading.label());
        }
        Recognition.Timings timings = new Recognition.Timings(preprocessNanos, result.queueNanos(),
                result.inferenceNanos(), System.nanoTime() - postStart);
        listener.onRecognition(manifest.name(), timings);
        return new Recognition(text.toString(), readings,
                new Recognition.ModelRef(manifest.name(), manifest.version()), pool.model().engine(),
                pool.model().device().toString(), timings);
    }

    @Override
    public List<ModelInfo> models() {
        List<ModelInfo> infos = new ArrayList<>();
        pools.forEach((name, slot) -> infos.add(slot.get().info(name.equals(defaultModel))));
        if (lineReader != null) {
            infos.add(lineReader.info());
        }
        return List.copyOf(infos);
    }

    @Override
    public ModelInfo reload(String name) throws RecognitionException.UnknownModel, ModelLoadException {
        AtomicReference<ModelPool> slot = pools.get(name);
        if (slot == null && lineReader != null && lineReader.name().equals(name)) {
            return reloadLineReader(name);
        }
        if (slot == null) {
            throw new RecognitionException.UnknownModel(name);
        }
        synchronized (reloading) {
            if (closed) {
                throw new ModelLoadException("the recognizer is shut down; cannot reload '" + name + "'");
            }
            ModelPool fresh = startPool(config, loader, listener, name);
            ModelPool old = slot.getAndSet(fresh);
            old.close();
            LOG.log(Level.INFO, "model '" + name + "' reloaded: now " + fresh.manifest().name() + ":"
                    + fresh.manifest().version());
            return fresh.info(name.equals(defaultModel));
        }
    }

    private ModelInfo reloadLineReader(String name) throws ModelLoadException {
        synchronized (reloading) {
            if (closed) {
                throw new ModelLoadException("the recognizer is shut down; cannot reload '" + name + "'");
            }
            ModelFolder folder = openFolder(config, loader, name);
            if (!folder.manifest().labels().equals(CtcScore.LABELS)) {
                throw new ModelLoadException("'" + name + "' no longer holds a line reader (labels the digits and"
                        + " 'blank'): a model of another kind is loaded at start only");
            }
            ModelInfo fresh = lineReader.swap(LineReaderModel.start(loader, folder));
            LOG.log(Level.INFO, "line reader '" + name + "' reloaded: now " + fresh.name() + ":" + fresh.version());
            return fresh;
        }
    }

    @Override
    public boolean ready() {
        return !closed && pools.values().stream().allMatch(slot -> slot.get().ready());
    }

    /** Stops intake, lets queued requests finish, then frees every model. */
    @Override
    public void close() {
        synchronized (reloading) {
            closed = true;
            pools.values().forEach(slot -> slot.get().close());
            if (lineReader != null) {
                lineReader.close();
            }
        }
    }

    private static ModelPool startPool(EngineConfig config, ModelLoader loader, InferenceListener listener,
                                       String name) throws ModelLoadException {
        ModelFolder folder = openFolder(config, loader, name);
        if (folder.manifest().labels().equals(CtcScore.LABELS)) {
            throw new ModelLoadException("'" + name + "' now holds a line reader, which reads no digits: it is"
                    + " loaded at start only");
        }
        return ModelPool.start(loader.load(folder), config, listener);
    }

    private static ModelFolder openFolder(EngineConfig config, ModelLoader loader, String name)
            throws ModelLoadException {
        ModelFolder folder = ModelFolder.open(config.modelsDirectory().resolve(name), loader.engine());
        if (!folder.manifest().name().equals(name)) {
            throw new ModelLoadException(folder.directory().resolve(ModelFolder.MANIFEST) + ": field 'name' is '"
                    + folder.manifest().name() + "' but the folder is '" + name + "': make them equal");
        }
        return folder;
    }

    private AtomicReference<ModelPool> slot(ModelReference reference) throws RecognitionException {
        AtomicReference<ModelPool> slot = pools.get(reference.name());
        if (slot == null && lineReader != null && lineReader.name().equals(reference.name())) {
            throw new RecognitionException.UnsuitableModel(reference.name(), "it is number mode's line reader, which"
                    + " reads whole lines with the digit model, not by itself");
        }
        if (slot == null) {
            throw new RecognitionException.UnknownModel(reference.toString());
        }
        return slot;
    }

    private static void checkVersion(ModelReference reference, ModelManifest manifest)
            throws RecognitionException.UnknownModel {
        if (reference.version().isPresent() && !reference.version().get().equals(manifest.version())) {
            throw new RecognitionException.UnknownModel(reference.name() + ":" + reference.version().get());
        }
    }

    /**
     * Fills {@code digits} and {@code boxes}, and in number mode {@code scored} with the probabilities (from an image,
     * weighed by the digit verifier when one is loaded and {@code digitReader}, the request's model reads digits)
     * the digits were read with; in expression mode also returns the line's layout, else null.
     */
    private ExpressionLayout.Laid prepare(RecognitionRequest request, List<DigitImage> digits, List<Box> boxes,
                                          List<float[]> scored, DigitScorer scorer, boolean digitReader,
                                          WorkMeter work) throws RecognitionException {
        switch (request.input()) {
            case RecognitionRequest.Input.Pixels pixels -> {
                if (request.mode() != RecognitionRequest.Mode.DIGIT) {
                    throw new RecognitionException.InvalidPixels("pixel input holds one centred digit: use digit"
                            + " mode, or send an image to read a number or an expression");
                }
                digits.add(ImagePreprocessor.fromPixels(pixels.values()));
                boxes.add(new Box(0, 0, DigitImage.SIDE, DigitImage.SIDE));
            }
            case RecognitionRequest.Input.DigitalInk ink when request.mode() == RecognitionRequest.Mode.NUMBER ->
                    // The line reader rescores the grouping's best readings of the digits the digit model reads.
                    addNumber(inkNumbers.read(ink.ink(), scorer, digitReader ? meteredLine(lineReader, work) : null),
                            digits, boxes, scored);
            case RecognitionRequest.Input.DigitalInk ink when request.mode() == RecognitionRequest.Mode.EXPRESSION -> {
                // Symbols are taken apart from the picture (an operator's strokes need not overlap, "=" is two):
                // the ink drawn on its surface, at most EXPRESSION_SIDE pixels a side, as the image path reads it.
                ExpressionLayout.Laid laid = expressions.layout(inkRenderer.surface(ink.ink(), EXPRESSION_SIDE,
                        new InkWork(config.limits().maxInkWork())));
                digits.addAll(laid.images());
                return laid;
            }
            case RecognitionRequest.Input.DigitalInk ink -> {
                DigitRegion digit = inkRenderer.digit(ink.ink(), new InkWork(config.limits().maxInkWork()));
                digits.add(digit.digit());
                boxes.add(digit.box());
            }
            case RecognitionRequest.Input.EncodedImage image
                    when request.mode() == RecognitionRequest.Mode.EXPRESSION -> {
                ExpressionLayout.Laid laid = expressions.layout(image.bytes(), work);
                digits.addAll(laid.images());
                return laid;
            }
            case RecognitionRequest.Input.EncodedImage image when request.mode() == RecognitionRequest.Mode.NUMBER -> {
                // The verifier checks digits read by a digit model (labels 0-9), the default for number mode.
                DigitScorer verifier = digitReader ? helper(verifierModel(), work) : null;
                // The pair reader reads two touching digits where the digit model reads one (digit models only).
                DigitScorer pairReader = digitReader ? helper(modelWithLabels(DigitPairs.LABELS), work) : null;
                // The line reader rescores the search's best readings of the digits the digit model reads.
                addNumber(numbers.read(image.bytes(), scorer, verifier, pairReader,
                        digitReader ? meteredLine(lineReader, work) : null,
                        work), digits, boxes, scored);
            }
            case RecognitionRequest.Input.EncodedImage image -> {
                DigitRegion digit = preprocessor.digitInImage(image.bytes(), work);
                digits.add(digit.digit());
                boxes.add(digit.box());
            }
        }
        return null;
    }

    /**
     * Candidates read by the loaded helper model of that name (the verifier, the pair reader), counted on {@code work};
     * null without one.
     */
    private DigitScorer helper(Optional<String> model, WorkMeter work) {
        return model.<DigitScorer>map(name -> metered(candidates -> score(pools.get(name),
                new ModelReference(name, Optional.empty()), candidates, new ScoringPass()), work)).orElse(null);
    }

    /** {@code scorer}, each input it reads counted on {@code work} as {@link WorkMeter#MODEL_INPUT}. */
    private static DigitScorer metered(DigitScorer scorer, WorkMeter work) {
        return inputs -> {
            work.add((long) inputs.size() * WorkMeter.MODEL_INPUT);
            return scorer.probabilities(inputs);
        };
    }

    /** {@code reader}, each line counted on {@code work} as the 28x28 inputs its field's pixels would fill. */
    private static LineScorer meteredLine(LineScorer reader, WorkMeter work) {
        return reader == null ? null : line -> {
            work.add(WorkMeter.MODEL_INPUT * Math.ceilDiv(line.length, DigitImage.SIZE));
            return reader.logits(line);
        };
    }

    /** A number's digits as read, with their boxes and probabilities; a blank image when it holds none. */
    private static void addNumber(List<NumberReader.ScoredRegion> number, List<DigitImage> digits, List<Box> boxes,
                                  List<float[]> scored) throws RecognitionException.BlankImage {
        for (NumberReader.ScoredRegion read : number) {
            digits.add(read.region().digit());
            boxes.add(read.region().box());
            scored.add(read.probabilities());
        }
        if (digits.isEmpty()) {
            throw new RecognitionException.BlankImage();
        }
    }

    /**
     * Number mode's candidate digits read on the request's model: split into batches no larger than the pool's, all
     * queued before the first is awaited, so that several workers may share them.
     */
    private float[][] score(AtomicReference<ModelPool> slot, ModelReference reference, List<DigitImage> candidates,
                            ScoringPass pass) throws RecognitionException {
        List<CompletableFuture<InferenceResult>> pending = new ArrayList<>();
        int size = config.batching().maxBatchSize();
        for (int from = 0; from < candidates.size(); from += size) {
            DigitBatch batch = new DigitBatch(candidates.subList(from, Math.min(candidates.size(), from + size)));
            while (true) {
                ModelPool pool = slot.get();
                checkVersion(reference, pool.manifest());
                Optional<CompletableFuture<InferenceResult>> future = pool.submit(batch);
                if (future.isPresent()) {
                    pending.add(future.get());
                    pass.pool = pool;
                    break;
                }
                if (closed) {
                    throw new RecognitionException.InferenceFailed("the recognizer is shut down", null);
                }
            }
        }
        float[][] probabilities = new float[candidates.size()][];
        int at = 0;
        for (CompletableFuture<InferenceResult> future : pending) {
            InferenceResult result = await(future);
            pass.queueNanos += result.queueNanos();
            pass.inferenceNanos += result.inferenceNanos();
            pass.batchSize = Math.max(pass.batchSize, result.batchSize());
            for (float[] row : result.probabilities()) {
                probabilities[at++] = row;
            }
        }
        return probabilities;
    }

    /**
     * One request's candidate scoring in number mode: the pool that read the candidates (the last batch's, should a
     * reload swap it meanwhile) and the time spent queued and in inference, reported as the request's.
     */
    private static final class ScoringPass {
        ModelPool pool;
        long queueNanos;
        long inferenceNanos;
        int batchSize;
    }

    /**
     * The symbols of an expression as the symbol model (its digits told apart by the digit model and weighed by the
     * digit verifier, each when one is loaded) and the line's geometry and grammar read them, and their value.
     *
     * @throws RecognitionException.UnsuitableModel when the model has no label for some symbol
     * @throws RecognitionException.InvalidExpression when the symbols have no value
     */
    private Recognition expression(ExpressionLayout.Laid laid, ModelManifest manifest, InferenceResult result,
                                   ModelPool pool, List<DigitImage> digits, long preprocessNanos, long postStart)
            throws RecognitionException {
        SymbolChoice choice;
        try {
            choice = new SymbolChoice(manifest.labels());
        } catch (IllegalArgumentException e) {
            throw new RecognitionException.UnsuitableModel(manifest.name(), e.getMessage());
        }
        float[][] probabilities = result.probabilities().clone();
        long digitNanos = 0;
        ScoringPass digitPass = new ScoringPass();
        Optional<String> digitModel = digitModel();
        if (digitModel.isPresent()) {
            long digitStart = System.nanoTime();
            float[][] digitsRead = score(pools.get(digitModel.get()), new ModelReference(digitModel.get(),
                    Optional.empty()), digits, digitPass);
            probabilities = new float[digitsRead.length][];
            for (int i = 0; i < digitsRead.length; i++) {
                probabilities[i] = choice.withDigitsFrom(result.probabilities()[i], digitsRead[i]);
            }
            digitNanos = System.nanoTime() - digitStart;
        }
        Optional<String> verifierModel = verifierModel();
        if (verifierModel.isPresent()) {
            long verifierStart = System.nanoTime();
            float[][] verified = score(pools.get(verifierModel.get()), new ModelReference(verifierModel.get(),
                    Optional.empty()), digits, digitPass);
            for (int i = 0; i < verified.length; i++) {
                probabilities[i] = choice.weighedBy(probabilities[i], verified[i]);
            }
            digitNanos += System.nanoTime() - verifierStart;
        }
        List<DigitReading> readings = new ArrayList<>();
        List<Symbol> symbols = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (ExpressionLayout.Laid.Read read : laid.read(probabilities, choice)) {
            SymbolChoice.Choice c = read.choice();
            readings.add(new DigitReading(c.symbol().text(), c.labelIndex(), c.confidence(),
                    normalised(probabilities[read.candidate()]), manifest.labels(), read.box(),
                    digits.get(read.candidate())));
            symbols.add(c.symbol());
            text.append(c.symbol().text());
        }
        Evaluation evaluation;
        try {
            evaluation = parser.evaluate(symbols);
        } catch (ExpressionException e) {
            throw new RecognitionException.InvalidExpression(e, text.toString());
        }
        // The digit model's and the verifier's passes are queueing and inference like the symbol model's.
        Recognition.Timings timings = new Recognition.Timings(preprocessNanos,
                result.queueNanos() + digitPass.queueNanos, result.inferenceNanos() + digitPass.inferenceNanos,
                System.nanoTime() - postStart - digitNanos);
        listener.onRecognition(manifest.name(), timings);
        return new Recognition(text.toString(), readings, new Recognition.ModelRef(manifest.name(),
                manifest.version()), pool.model().engine(), pool.model().device().toString(), timings,
                Optional.of(evaluation));
    }

    /** Scores as shares of their sum: the verifier's weights leave a symbol's probabilities summing to less than 1. */
    private static float[] normalised(float[] scores) {
        double sum = 0;
        for (float s : scores) {
            sum += s;
        }
        float[] out = new float[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sum > 0 ? (float) (scores[i] / sum) : 0f;
        }
        return out;
    }

    /** The loaded model expression mode reads with by default: the first whose labels name every symbol. */
    private String symbolModel() throws RecognitionException.UnknownModel {
        for (Map.Entry<String, AtomicReference<ModelPool>> entry : pools.entrySet()) {
            List<String> labels = entry.getValue().get().manifest().labels();
            if (Arrays.stream(Symbol.values()).allMatch(s -> labels.contains(s.text()))) {
                return entry.getKey();
            }
        }
        throw RecognitionException.UnknownModel.noneFor("symbol model", "expression mode",
                "add mathsketch-symbols to engine.models");
    }

    /**
     * The model expression mode tells digits apart with, when one is loaded: the first whose labels are the ten
     * digits in order (the digit model, which unlike the symbol model learned the world's digit styles).
     */
    private Optional<String> digitModel() {
        return pools.entrySet().stream().filter(e -> e.getValue().get().manifest().labels().equals(DIGIT_LABELS))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The ten digits' labels in order, as a digit model names them (compared on every request: built once). */
    private static final List<String> DIGIT_LABELS = ModelInfo.DIGIT_LABELS;

    /**
     * The model number mode weighs its candidates with, when one is loaded: the first whose labels are
     * {@link DigitVerifier#LABELS} (the digit verifier, {@code mathsketch-digit-verifier}).
     */
    private Optional<String> verifierModel() {
        return modelWithLabels(DigitVerifier.LABELS);
    }

    /** The first loaded model whose labels are {@code labels}, in order (number mode's helpers are found so). */
    private Optional<String> modelWithLabels(List<String> labels) {
        return pools.entrySet().stream().filter(e -> e.getValue().get().manifest().labels().equals(labels))
                .map(Map.Entry::getKey).findFirst();
    }

    private static InferenceResult await(CompletableFuture<InferenceResult> future) throws RecognitionException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecognitionException re) {
                throw re;
            }
            throw new RecognitionException.InferenceFailed("inference failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionException.InferenceFailed("interrupted while waiting for inference", e);
        }
    }

    private static DigitReading reading(List<String> labels, float[] probabilities, Box box,
                                        DigitImage input) {
        int best = DigitReading.winner(probabilities);
        return new DigitReading(labels.get(best), best, probabilities[best], probabilities, labels, box, input);
    }
}
