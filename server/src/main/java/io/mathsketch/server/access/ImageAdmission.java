package io.mathsketch.server.access;

import io.helidon.common.context.Contexts;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.WorkMeter;
import io.mathsketch.engine.codec.DecodeBudget;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.access.RateLimitFilter.Origin;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Charges an image to whoever sent it by its size, once its header is read and before a pixel is decoded: decoding
 * costs CPU and heap in proportion to the pixels an image declares, however small its file (CPU times the passes its
 * decoder makes over them: {@link ImageDecoder.Size#decodedPixels()}). It takes one token per
 * {@code rate-limit.pixels-per-token} more from the request's client and address buckets
 * ({@link RateLimitFilter}), answering 429 {@code rate-limited} when they are short, and holds the image's decoded
 * bytes against its address's share of the decode budget ({@code rate-limit.address-decode-share}), answering 503
 * {@code overloaded} when the address's other images leave too little. Once read, an image is charged at the same
 * price for the pixels its search for ink visited, if it was a photo or a scanned page, and for the inputs its models
 * read ({@link WorkMeter}, {@link WorkMeter#MODEL_INPUT} each: number mode reads every candidate digit, with up to
 * three models), {@link WorkCharge#chargeDone}: into debt, which the client's and the address's next requests wait
 * for. Digital ink is charged alike by the pixels its drawing visits ({@link WorkCharge}), then by the inputs its
 * models read. A request outside the rate-limited routes
 * (no {@link Origin}), and pixel arrays, pass straight to the engine.
 */
public final class ImageAdmission implements Recognizer {

    private final Recognizer engine;
    private final RateLimitFilter buckets;
    private final InputLimits limits;
    private final DecodeShares shares;
    private final WorkCharge workCharge;

    public ImageAdmission(Recognizer engine, RateLimitFilter buckets, InputLimits limits) {
        this.engine = engine;
        this.buckets = buckets;
        this.limits = limits;
        this.workCharge = new WorkCharge(buckets);
        this.shares = new DecodeShares(limits.maxDecodedBytesInFlight() / 100
                * buckets.settings().addressDecodeShare());
    }

    @Override
    public Recognition recognize(RecognitionRequest request) throws RecognitionException {
        Optional<Origin> origin = Contexts.context().flatMap(c -> c.get(Origin.class));
        if (origin.isPresent() && request.input() instanceof RecognitionRequest.Input.DigitalInk ink) {
            long drawn = chargeInk(ink.ink(), request.mode(), origin.get());
            // Number and expression mode's models read many inputs per line: charged once known, like a search.
            LongAdder scored = new LongAdder();
            try {
                return engine.recognize(request, scored::add);
            } finally {
                workCharge.chargeDone(origin.get(), drawn, scored.sum());
            }
        }
        if (origin.isEmpty() || !(request.input() instanceof RecognitionRequest.Input.EncodedImage)) {
            return engine.recognize(request);
        }
        byte[] bytes = ((RecognitionRequest.Input.EncodedImage) request.input()).bytes();
        Optional<ImageDecoder.Size> size = ImageDecoder.declaredSize(bytes);
        if (size.isEmpty() || !withinEngineLimits(size.get())) {
            // The engine refuses it from its header (or finds it corrupt) before any pixel is decoded.
            return engine.recognize(request);
        }
        // What the engine will hold: an image over its working size is decoded reduced (CPU, and so the tokens
        // below, still go by the declared pixels).
        long decodedBytes = DecodeBudget.bytesToDecode(size.get().width(), size.get().height());
        if (decodedBytes > shares.share()) {
            throw new ImageTooLarge(size.get().width(), size.get().height(),
                    shares.share() / DecodeBudget.BYTES_PER_PIXEL,
                    "what one address may decode at once (rate-limit.address-decode-share of"
                            + " limits.max-decoded-bytes-in-flight)");
        }
        // By the pixels decoding walks: a progressive JPEG's each scan is a pass over all of them, so 64 scans of a
        // 1024x1024 picture (a few KB) cost 0.4 CPU-seconds, and priced by its pixels alone it took one token.
        double cost = workCharge.charge(origin.get(), size.get().decodedPixels(), "decoding an image of "
                + size.get().pixels() + " pixels" + (size.get().passes() > 1 ? " in " + size.get().passes()
                + " scans" : ""));
        Optional<DecodeShares.Reservation> reservation = shares.reserve(origin.get().address(), decodedBytes);
        if (reservation.isEmpty()) {
            buckets.refund(origin.get(), cost);
            throw new ProblemException(ProblemType.OVERLOADED, "this address's images being decoded hold "
                    + shares.held(origin.get().address()) + " of the " + shares.share() + " bytes one address may"
                    + " hold; retry later");
        }
        // A photo's or a page's search for its digit costs up to tens of times its decoding (a blank 1200x1200 page
        // in digit mode: 141 ms of CPU, 5 tokens up front; a canvas 2 ms for 1), and number mode's models read every
        // candidate: charged by the pixels visited and the inputs read once it is done, when its size is known.
        LongAdder searched = new LongAdder();
        try {
            return engine.recognize(request, searched::add);
        } finally {
            reservation.get().close();
            workCharge.chargeDone(origin.get(), size.get().decodedPixels(), searched.sum());
        }
    }

    /**
     * Charges ink by the drawing its reading does, counted before it is drawn, at an image's price per pixel
     * ({@code rate-limit.pixels-per-token}): under a pen as wide as its surface, a few kilobytes of ink drew 7.7
     * million pixels in expression mode, 105 ms of CPU for one token. Ink over {@code limits.max-ink-work} is left to
     * the engine, which refuses it from the same count.
     *
     * @return the units charged (0 for ink the engine refuses)
     */
    private long chargeInk(Ink ink, RecognitionRequest.Mode mode, Origin origin) {
        long units;
        try {
            units = DjlRecognizer.inkWork(ink, mode, limits);
        } catch (RecognitionException.InkTooLarge e) {
            return 0;
        }
        workCharge.charge(origin, units, "drawing this ink");
        return units;
    }

    /** Bytes the images of this address key hold now (tests). */
    long heldBy(String address) {
        return shares.held(address);
    }

    private boolean withinEngineLimits(ImageDecoder.Size size) {
        return size.width() > 0 && size.height() > 0 && size.width() <= limits.maxWidth()
                && size.height() <= limits.maxHeight() && size.pixels() <= limits.maxImagePixels()
                && DecodeBudget.bytesToDecode(size.width(), size.height()) <= limits.maxDecodedBytesInFlight();
    }

    @Override
    public List<ModelInfo> models() {
        return engine.models();
    }

    @Override
    public ModelInfo reload(String name) throws RecognitionException.UnknownModel,
            io.mathsketch.engine.ModelLoadException {
        return engine.reload(name);
    }

    @Override
    public boolean ready() {
        return engine.ready();
    }

    /** Closes nothing: the engine belongs to whoever opened it. */
    @Override
    public void close() {
    }
}
