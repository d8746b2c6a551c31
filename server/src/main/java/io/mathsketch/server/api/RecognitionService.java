package io.mathsketch.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.symbols.ExpressionLayout;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.server.access.AdminToken;
import io.mathsketch.server.access.Caller;
import io.mathsketch.server.access.ClientIdFilter;
import io.mathsketch.server.access.RateLimitFilter;
import io.mathsketch.server.access.WorkCharge;
import io.mathsketch.server.config.StoreSettings;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;
import io.mathsketch.server.store.Cursor;
import io.mathsketch.server.store.DatabaseStatus;
import io.mathsketch.server.store.RecognitionIds;
import io.mathsketch.server.store.RecognitionRecord;
import io.mathsketch.server.store.RecognitionStore;
import io.mathsketch.server.store.StoreUnavailableException;
import io.mathsketch.server.store.RecognitionWriter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/recognitions}: recognise an image, read past recognitions, their images, give feedback and delete
 * them. Reads, feedback and deletes see only the caller's own recognitions (another client's id is answered 404,
 * exactly like an id that does not exist, so ids cannot be probed); the admin token sees all.
 */
public final class RecognitionService implements HttpService {

    /** A row not stored while the database is up: not committed within the write timeout, queue full, refused. */
    static final String NOT_STORED_WARNING = "199 mathsketch \"recognition not stored\"";
    static final String DATABASE_DOWN_WARNING = "199 mathsketch \"recognition not stored: database unavailable\"";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A listing page's size when the query names none, and its largest (openapi.yaml documents both; tested). */
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    /** The longest {@code label} filter of a listing: longer than any label or text a row can hold. */
    static final int MAX_LABEL = 4096;
    private static final Pattern NUMBER_LABEL = Pattern.compile("[0-9]+");
    /** The model_name column's width (V1 migration). */
    private static final int MAX_MODEL_NAME = 200;

    private final Recognizer recognizer;
    private final RecognitionWriter writer;
    private final RecognitionStore store;
    private final DatabaseStatus databaseStatus;
    private final StoreSettings storeSettings;
    private final InputLimits limits;
    private final AdminToken adminToken;
    private final BodyBudget bodies;
    private final WorkCharge charge;
    private final RecognitionIds ids = new RecognitionIds();
    private final OriginalImages originals = new OriginalImages();

    public RecognitionService(Recognizer recognizer, RecognitionWriter writer, RecognitionStore store,
                              DatabaseStatus databaseStatus, StoreSettings storeSettings, InputLimits limits,
                              AdminToken adminToken, BodyBudget bodies, WorkCharge charge) {
        this.adminToken = adminToken;
        this.recognizer = recognizer;
        this.writer = writer;
        this.store = store;
        this.databaseStatus = databaseStatus;
        this.storeSettings = storeSettings;
        this.limits = limits;
        this.bodies = bodies;
        this.charge = charge;
    }

    @Override
    public void routing(HttpRules rules) {
        // Each operation's query parameters: these and no other (openapi.yaml documents the same; tested).
        rules.post("/", AcceptedParameters.of(this::recognize, "model", "mode", "store", "fields"))
                .get("/", AcceptedParameters.of(this::list, "limit", "cursor", "label", "model", "fields"))
                .get("/{id}", AcceptedParameters.of(this::get, "fields"))
                .delete("/{id}", AcceptedParameters.of(this::delete))
                .get("/{id}/image", AcceptedParameters.of(this::image))
                .put("/{id}/feedback", AcceptedParameters.of(this::feedback));
    }

    private void recognize(ServerRequest req, ServerResponse res) throws RecognitionException {
        RecognitionOptions query = RecognitionOptions.fromQuery(req.query());
        ResponseFields fields = ResponseFields.fromQuery(req.query());
        RecognitionBody body;
        // The body stays reserved until it is taken apart: a JSON image's copies are as large as the body again.
        try (BodyBudget.Reservation reservation = bodies.open(RateLimitFilter.addressOf(req))) {
            byte[] bytes = RequestBody.read(req, limits.maxPayloadBytes(), reservation);
            body = RecognitionBody.parse(req.headers().contentType(), bytes, limits, reservation::holdWhileParsing);
        }
        RecognitionOptions options = body.options().orElse(query);
        RecognitionRequest.Mode mode = options.mode().orElse(RecognitionRequest.Mode.DIGIT);
        if (mode != RecognitionRequest.Mode.EXPRESSION && options.model().isPresent()) {
            requireDigitReader(options.model().get(), mode);
        }

        Recognition recognition = recognizer.recognize(new RecognitionRequest(body.input(), options.model(), mode));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        boolean wantStore = options.store().orElse(true);
        RecognitionRecord record = toRecord(ids.next(now), now, mode, recognition, body,
                ClientIdFilter.clientOf(req).ownerKey(), wantStore);

        boolean stored = wantStore && awaitCommit(record);
        if (stored) {
            res.status(Status.CREATED_201);
            res.header(HeaderNames.LOCATION, RecognitionJson.BASE + "/" + record.id());
        } else if (wantStore) {
            res.header(HeaderNames.WARNING, databaseStatus.available() ? NOT_STORED_WARNING : DATABASE_DOWN_WARNING);
        }
        JsonResponses.send(res, RecognitionJson.toJson(record, stored, fields));
    }

    /**
     * Refuses a named model that cannot read digits (the symbol model, number mode's verifier and pair reader) in
     * digit and number mode, which answer digits: it would read every drawing as text no digit comes from, and that
     * would be stored. Checked here, not in the engine, whose digit mode also serves the tuning tools that read those
     * models' raw probabilities. A reference no model answers to is left to the engine's 404 {@code unknown-model}.
     */
    private void requireDigitReader(String reference, RecognitionRequest.Mode mode)
            throws RecognitionException.UnsuitableModel {
        int colon = reference.indexOf(':');
        String name = colon < 0 ? reference : reference.substring(0, colon);
        Optional<String> version = colon < 0 ? Optional.empty() : Optional.of(reference.substring(colon + 1));
        Optional<ModelInfo> model = recognizer.models().stream()
                .filter(m -> m.name().equals(name) && version.map(m.version()::equals).orElse(true)).findFirst();
        if (model.isPresent() && !model.get().readsDigits()) {
            throw new RecognitionException.UnsuitableModel(name, "its labels are not the ten digits, which "
                    + mode.name().toLowerCase(Locale.ROOT) + " mode reads");
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        PerClient.headers(res);
        Caller caller = caller(req, res);
        ResponseFields fields = ResponseFields.fromQuery(req.query());
        int limit = QueryParameter.once(req.query(), "limit").map(RecognitionService::limit).orElse(DEFAULT_LIMIT);
        Optional<Cursor> cursor = QueryParameter.once(req.query(), "cursor").filter(c -> !c.isEmpty()).map(c -> {
            try {
                return Cursor.decode(c);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "cursor '" + ProblemText.echo(c)
                        + "' is not valid", e);
            }
        });
        Optional<String> label = QueryParameter.once(req.query(), "label").filter(s -> !s.isEmpty())
                .map(l -> filterValue("label", l, MAX_LABEL));
        Optional<String> model = QueryParameter.once(req.query(), "model").filter(s -> !s.isEmpty())
                .map(m -> filterValue("model", m, MAX_MODEL_NAME));
        RecognitionStore.Page page = database(() -> store.page(limit, cursor, label, model, caller.visibleOwner()));
        JsonResponses.send(res, RecognitionJson.page(page.items(), page.next().map(Cursor::encode), fields));
    }

    private void get(ServerRequest req, ServerResponse res) {
        PerClient.headers(res);
        ResponseFields fields = ResponseFields.fromQuery(req.query());
        JsonResponses.send(res, RecognitionJson.toJson(find(req, res), true, fields));
    }

    /**
     * Deletes the caller's recognition and all it keeps (input, original image or ink, readings, feedback) at once,
     * for every instance sharing the database; another client's id is 404 like an unknown one. Only the statistics
     * may still count it, for at most their {@code stats.max-age}.
     */
    private void delete(ServerRequest req, ServerResponse res) {
        RecognitionRecord record = find(req, res);
        if (!database(() -> store.delete(record.id()))) {
            throw notFound(record.id());
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void image(ServerRequest req, ServerResponse res) {
        PerClient.negotiatedHeaders(res);
        RecognitionRecord record = find(req, res);
        Optional<String> keptType = record.original().isPresent() ? record.contentType() : Optional.empty();
        boolean ink = keptType.filter(StoredInk.MEDIA_TYPE::equals).isPresent();
        AcceptedTypes accepted = AcceptedTypes.of(req.headers());
        // Kept ink is served as its JSON only to a client that names its type (a browser's */* gets the picture), and
        // then as long as it prefers it at least as much as PNG.
        boolean inkAsked = ink && accepted.qualityNamed(StoredInk.MEDIA_TYPE) > 0
                && accepted.qualityNamed(StoredInk.MEDIA_TYPE) >= accepted.quality("image/png");
        if (keptType.isPresent() && (!ink || inkAsked)) {
            // The stored original is served with the type its bytes have, never an echo of the client's header.
            send(accepted, res, keptType.get(), record::original);
        } else if (ink) {
            // Drawn on demand: ink is kept as strokes, and a picture of them costs nothing until someone looks; the
            // one who looks pays for its drawing, as for an image's decoding.
            send(accepted, res, "image/png", () -> StoredInk.png(record.original().get(), limits,
                            units -> charge.charge(req, units, "drawing this recognition's ink"))
                    .or(() -> Optional.of(InputImages.png(record.inputPixels()))));
        } else {
            // No original kept (pixels, over store.max-original-bytes, or not strippable): the 28x28 input.
            send(accepted, res, "image/png", () -> Optional.of(InputImages.png(record.inputPixels())));
        }
    }

    /**
     * Sends {@code body} as {@code type} when the request's Accept admits it (a quality above 0), else 406
     * {@code not-acceptable} (RFC 9110 §15.5.7) rather than a type the client said it cannot take; the body is built
     * only when it is sent.
     */
    private static void send(AcceptedTypes accepted, ServerResponse res, String type,
                             Supplier<Optional<byte[]>> body) {
        if (accepted.quality(type) <= 0) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "this recognition's image is available as "
                    + type + " only, which the request's Accept does not admit");
        }
        // Made before the type is set: making it may be refused (429) with a problem document.
        byte[] bytes = body.get().orElseThrow();
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.send(bytes);
    }

    private void feedback(ServerRequest req, ServerResponse res) {
        RequestMediaType.requireJson(req.headers().contentType());
        String given = FeedbackLabel.read(RequestBody.read(req, FeedbackLabel.MAX_BODY_BYTES, bodies));
        // Only the owner (or the admin) reaches the update: nobody overwrites another client's correction.
        RecognitionRecord record = find(req, res);
        // An expression's correction is its symbols as written, in their own characters ("x" becomes "×").
        String label = record.mode().equals("expression") ? Symbol.canonical(given).orElse(given) : given;
        boolean valid = switch (record.mode()) {
            case "digit" -> record.labels().contains(label);
            case "expression" -> !label.isEmpty() && label.length() <= ExpressionLayout.MAX_SYMBOLS
                    && Symbol.canonical(label).isPresent();
            default -> NUMBER_LABEL.matcher(label).matches();
        };
        if (valid && record.mode().equals("number") && label.length() > limits.maxDigits()) {
            // A number no recognition could read: the same limit, and the same answer, as for one written.
            throw new ProblemException(ProblemType.TOO_MANY_DIGITS, "a number has at most " + limits.maxDigits()
                    + " digits (limits.max-digits); the label has " + label.length());
        }
        if (!valid) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "label '" + ProblemText.echo(label)
                    + "' is not a valid answer for " + article(record.mode()) + " " + record.mode() + " recognition");
        }
        RecognitionRecord.Feedback feedback = new RecognitionRecord.Feedback(label,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (!database(() -> store.setFeedback(record.id(), feedback))) {
            throw notFound(record.id());
        }
        JsonResponses.send(res, RecognitionJson.toJson(record.withFeedback(feedback), true));
    }

    private RecognitionRecord find(ServerRequest req, ServerResponse res) {
        Caller caller = caller(req, res);
        String given = req.path().pathParameters().get("id");
        // UUIDs compare case-insensitively (RFC 9562 §4); this server writes and stores them in lower case.
        String id = given.toLowerCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            throw notFound(given);
        }
        return database(() -> store.find(id, caller.visibleOwner())).orElseThrow(() -> notFound(given));
    }

    private Caller caller(ServerRequest req, ServerResponse res) {
        return new Caller(ClientIdFilter.clientOf(req), adminToken.presentedBy(req, res));
    }

    private boolean awaitCommit(RecognitionRecord record) {
        try {
            return writer.store(record, storeSettings.writeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Interrupted only when the server stops: the row may still be written with the remaining queue.
            throw new ProblemException(ProblemType.DATABASE_UNAVAILABLE, "the server is stopping");
        }
    }

    /** Runs a read or update; a database failure becomes 503 database-unavailable and marks the database down. */
    private <T> T database(Supplier<T> operation) {
        try {
            T result = operation.get();
            databaseStatus.markUp();
            return result;
        } catch (StoreUnavailableException e) {
            databaseStatus.markDown(e);
            throw new ProblemException(ProblemType.DATABASE_UNAVAILABLE, "the database is not available", e);
        }
    }

    /** The row for a recognition; its original is prepared only when it is to be kept ({@code keepOriginal}). */
    private RecognitionRecord toRecord(String id, Instant now, RecognitionRequest.Mode mode, Recognition recognition,
                                       RecognitionBody body, String owner, boolean keepOriginal) {
        List<RecognitionRecord.Reading> readings = new ArrayList<>();
        byte[] pixels = new byte[recognition.digits().size() * DigitImage.SIZE];
        int offset = 0;
        for (DigitReading d : recognition.digits()) {
            readings.add(new RecognitionRecord.Reading(d.label(), d.confidence(), d.probabilities(), d.box()));
            for (float ink : d.input().pixels()) {
                pixels[offset++] = (byte) Math.round(Math.clamp(ink, 0f, 1f) * 255);
            }
        }
        List<String> labels = recognition.digits().isEmpty() ? List.of() : recognition.digits().getFirst().labels();
        Optional<byte[]> original;
        Optional<String> contentType;
        if (!keepOriginal) {
            original = Optional.empty();
            contentType = Optional.empty();
        } else if (body.input() instanceof RecognitionRequest.Input.DigitalInk) {
            // Ink is kept as its JSON text (InkJson.read): the strokes and sizes only, nothing else the client put
            // in the object.
            original = body.original().filter(b -> b.length <= storeSettings.maxOriginalBytes());
            contentType = original.map(b -> StoredInk.MEDIA_TYPE);
        } else {
            // Kept without its metadata (EXIF and GPS, XMP, comments, text chunks), and not at all when its
            // structure cannot be walked: an unstripped copy could leak exactly what stripping is for.
            original = body.original().flatMap(originals::kept)
                    .filter(b -> b.length <= storeSettings.maxOriginalBytes());
            // The stored original is served with the type its bytes have, never an echo of the client's header.
            contentType = original.flatMap(ImagePreprocessor::mediaType);
        }
        return new RecognitionRecord(id, now, mode.name().toLowerCase(Locale.ROOT), recognition.text(),
                recognition.confidence(), labels, readings, pixels, contentType.flatMap(type -> original),
                contentType,
                recognition.model(), recognition.engine(), recognition.device(), recognition.timings(),
                Optional.empty(), Optional.of(owner));
    }

    private static int limit(String value) {
        try {
            // ASCII digits only: Integer.parseInt also reads a sign and any script's digits ("+5", Arabic-Indic 5).
            int limit = value.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(value) : 0;
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "limit '" + ProblemText.echo(value)
                + "' is not a number from 1 to " + MAX_LIMIT);
    }

    /**
     * A filter value as a stored one can be, else 400 before any SQL sees it: no longer than the column, and without
     * control characters, which no label or model name holds (PostgreSQL refuses U+0000 in any text, which would
     * otherwise be a failed statement, where H2 just finds nothing).
     */
    private static String filterValue(String name, String value, int max) {
        if (value.length() > max) {
            throw new ProblemException(ProblemType.BAD_REQUEST, name + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, name + " '" + ProblemText.echo(value)
                    + "' holds a control character; no " + name + " has one");
        }
        return value;
    }

    private static String article(String mode) {
        return mode.startsWith("e") ? "an" : "a";
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "no recognition has id '" + ProblemText.echo(id) + "'");
    }
}
