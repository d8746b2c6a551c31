/**
 * Decides when the drawing is sent to the server, and which answers are still worth showing.
 *
 * Storage policy: while a stroke grows, previews go out debounced (150 ms quiet, at most 450 ms apart) with
 * store=false; when a stroke ends a preview goes out at once, and the drawing is stored (store=true) once it has been
 * left alone for COMMIT_DELAY_MS — so a "4" drawn in two strokes becomes one history entry, not two. Enter / the
 * Recognise button and feedback store immediately. An unchanged drawing is never stored twice.
 *
 * Ordering: every request gets a sequence number and an answer older than one already shown is dropped; a new
 * preview aborts the previous one (AbortController), so a slow answer for an old drawing never overwrites a new one.
 */

const DEBOUNCE_MS = 150;
const MAX_WAIT_MS = 450;
const COMMIT_DELAY_MS = 700;
const MAX_RETRY_DELAY_S = 10;
const MAX_RETRIES = 5;

export class LiveRecognizer {
    #api;
    #snapshot;
    #options;
    #handlers;
    #sequence = 0;
    #shownSequence = 0;
    #previewAbort = null;
    #debounceTimer = null;
    #maxWaitTimer = null;
    #commitTimer = null;
    #retryTimer = null;
    #retries = {version: -1, count: 0};
    #commit = null;

    /**
     * @param api MathSketchApi
     * @param snapshot () => {ink, version} | null — the current drawing, as digital ink
     * @param options () => {mode, model} — the current request options
     * @param handlers {onResult(result, {stored, version}), onStored(recognition), onError(error, {store,
     *     retryInSeconds}), onPending(store)}
     */
    constructor(api, snapshot, options, handlers) {
        this.#api = api;
        this.#snapshot = snapshot;
        this.#options = options;
        this.#handlers = handlers;
    }

    /** The stroke is still growing: preview soon. */
    drawing() {
        this.#cancelCommit();
        clearTimeout(this.#debounceTimer);
        this.#debounceTimer = setTimeout(() => this.#previewNow(), DEBOUNCE_MS);
        if (this.#maxWaitTimer === null) {
            this.#maxWaitTimer = setTimeout(() => this.#previewNow(), MAX_WAIT_MS);
        }
    }

    /** A stroke ended or was undone: preview now, store when the user pauses. */
    settled() {
        this.#previewNow();
        this.#cancelCommit();
        this.#commitTimer = setTimeout(() => this.commitNow(), COMMIT_DELAY_MS);
    }

    /** Options (mode, model) changed: the drawing is the same but the answer may differ, so store it anew. */
    optionsChanged() {
        this.#commit = null;
        this.settled();
    }

    /** Stores the current drawing now; resolves to the stored (or unsavable) recognition, or null on failure. */
    commitNow() {
        this.#cancelTimers();
        const snapshot = this.#snapshot();
        if (snapshot === null) {
            return Promise.resolve(null);
        }
        if (this.#commit?.version === snapshot.version) {
            return this.#commit.promise;
        }
        this.#abortPreview();
        const promise = this.#send(snapshot, true).then((recognition) => {
            if (recognition === null && this.#commit?.promise === promise) {
                this.#commit = null;
            }
            return recognition;
        });
        this.#commit = {version: snapshot.version, promise};
        return promise;
    }

    /** The drawing was cleared: forget everything in flight. */
    reset() {
        this.#cancelTimers();
        this.#abortPreview();
        this.#commit = null;
        this.#shownSequence = ++this.#sequence;
    }

    #previewNow() {
        clearTimeout(this.#debounceTimer);
        clearTimeout(this.#maxWaitTimer);
        this.#debounceTimer = null;
        this.#maxWaitTimer = null;
        const snapshot = this.#snapshot();
        if (snapshot !== null) {
            this.#abortPreview();
            this.#send(snapshot, false);
        }
    }

    async #send(snapshot, store) {
        const sequence = ++this.#sequence;
        const controller = new AbortController();
        if (!store) {
            this.#previewAbort = controller;
        }
        this.#handlers.onPending(store);
        try {
            const {mode, model} = this.#options();
            const {recognition, warning} = await this.#api.recognise(
                {ink: snapshot.ink, mode, model, store}, controller.signal);
            if (recognition.stored) {
                this.#handlers.onStored(recognition);
            }
            if (sequence > this.#shownSequence) {
                this.#shownSequence = sequence;
                this.#handlers.onResult({recognition, warning, requestedStore: store}, snapshot);
            }
            return recognition;
        } catch (error) {
            if (error.name === 'AbortError') {
                return null;
            }
            if (sequence > this.#shownSequence) {
                this.#shownSequence = sequence;
                const retryInSeconds = store ? this.#scheduleRetry(error, snapshot) : null;
                this.#handlers.onError(error, {store, retryInSeconds});
            }
            return null;
        } finally {
            if (this.#previewAbort === controller) {
                this.#previewAbort = null;
            }
        }
    }

    /**
     * An overloaded server says when to come back (Retry-After); storing is retried then, a few times at most, as
     * long as the drawing has not changed meanwhile (a change sends a new request anyway).
     */
    #scheduleRetry(error, snapshot) {
        if (this.#retries.version !== snapshot.version) {
            this.#retries = {version: snapshot.version, count: 0};
        }
        if (error.kind !== 'overloaded' || this.#retries.count >= MAX_RETRIES) {
            return null;
        }
        this.#retries.count += 1;
        const seconds = Math.min(MAX_RETRY_DELAY_S, Math.max(1, error.retryAfterSeconds ?? 2));
        clearTimeout(this.#retryTimer);
        this.#retryTimer = setTimeout(() => {
            const current = this.#snapshot();
            if (current !== null && current.version === snapshot.version) {
                this.#commit = null;
                this.commitNow();
            }
        }, seconds * 1000);
        return seconds;
    }

    #abortPreview() {
        this.#previewAbort?.abort();
        this.#previewAbort = null;
    }

    #cancelCommit() {
        clearTimeout(this.#commitTimer);
        this.#commitTimer = null;
    }

    #cancelTimers() {
        this.#cancelCommit();
        clearTimeout(this.#debounceTimer);
        clearTimeout(this.#maxWaitTimer);
        clearTimeout(this.#retryTimer);
        this.#debounceTimer = null;
        this.#maxWaitTimer = null;
        this.#retryTimer = null;
    }
}
