/**
 * The MathSketch HTTP API as the page uses it. Every failure becomes an {@link ApiError} carrying the problem kind
 * of the API contract (or "network" / "bad-response" for failures that never produced a problem document).
 */

const PROBLEM_PREFIX = 'urn:mathsketch:problem:';
const ACCEPT = 'application/json, application/problem+json';

/** A failed API call, described by the server's problem+json document when it sent one. */
export class ApiError extends Error {
    constructor({kind, title, detail = '', status = 0, retryAfterSeconds = null}) {
        super(detail ? `${title}: ${detail}` : title);
        this.name = 'ApiError';
        this.kind = kind;
        this.title = title;
        this.detail = detail;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}

const KIND_BY_STATUS = new Map([
    [400, 'bad-request'], [401, 'unauthorized'], [403, 'forbidden'], [404, 'not-found'], [413, 'payload-too-large'],
    [415, 'unsupported-media-type'], [422, 'unprocessable'], [429, 'overloaded'], [503, 'unavailable'],
]);

export class MathSketchApi {
    #base;

    constructor(base = '/api/v1') {
        this.#base = base;
    }

    /**
     * Recognises a drawing given as digital ink (the page's strokes) or as an image data URL (an upload). Resolves
     * to {recognition, warning}; `warning` holds the HTTP Warning header when the server answered without storing
     * the drawing.
     */
    async recognise({ink, image, mode, model, store}, signal) {
        const body = ink ? {ink, mode, store} : {image, mode, store};
        if (model) {
            body.model = model;
        }
        const response = await this.#fetch('/recognitions', {
            method: 'POST',
            headers: {'Content-Type': 'application/json', Accept: ACCEPT},
            body: JSON.stringify(body),
            signal,
        });
        return {recognition: await readJson(response), warning: response.headers.get('Warning')};
    }

    async sendFeedback(id, label) {
        const response = await this.#fetch(`/recognitions/${encodeURIComponent(id)}/feedback`, {
            method: 'PUT',
            headers: {'Content-Type': 'application/json', Accept: ACCEPT},
            body: JSON.stringify({label}),
        });
        return readJson(response);
    }

    /**
     * Deletes a saved recognition. The caller is the browser's anonymous client-id cookie, which same-origin requests
     * carry by themselves (it is HttpOnly: page scripts never see it); resolves once the server answered 204.
     */
    async deleteRecognition(id) {
        await this.#fetch(`/recognitions/${encodeURIComponent(id)}`, {method: 'DELETE', headers: {Accept: ACCEPT}});
    }

    async listRecognitions({limit, cursor}) {
        const query = new URLSearchParams({limit: String(limit)});
        if (cursor) {
            query.set('cursor', cursor);
        }
        return readJson(await this.#fetch(`/recognitions?${query}`, {headers: {Accept: ACCEPT}}));
    }

    async stats() {
        return readJson(await this.#fetch('/stats', {headers: {Accept: ACCEPT}}));
    }

    async models() {
        return readJson(await this.#fetch('/models', {headers: {Accept: ACCEPT}}));
    }

    async #fetch(path, init) {
        let response;
        try {
            response = await fetch(this.#base + path, init);
        } catch (error) {
            if (error.name === 'AbortError') {
                throw error;
            }
            throw new ApiError({
                kind: 'network',
                title: 'Server unavailable',
                detail: 'Cannot reach the MathSketch server. Check that it is running and that you are online.',
            });
        }
        if (!response.ok) {
            throw await problemOf(response);
        }
        return response;
    }
}

async function readJson(response) {
    try {
        return await response.json();
    } catch (error) {
        if (error.name === 'AbortError') {
            throw error;
        }
        throw new ApiError({
            kind: 'bad-response',
            title: 'Unexpected answer',
            detail: `The server sent a response the page cannot read (HTTP ${response.status}).`,
            status: response.status,
        });
    }
}

async function problemOf(response) {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
    let problem = {};
    if ((response.headers.get('Content-Type') ?? '').includes('json')) {
        try {
            problem = await response.json();
        } catch {
            problem = {};
        }
    }
    const type = typeof problem.type === 'string' ? problem.type : '';
    const kind = type.startsWith(PROBLEM_PREFIX)
        ? type.slice(PROBLEM_PREFIX.length)
        : KIND_BY_STATUS.get(response.status) ?? 'http-error';
    return new ApiError({
        kind,
        title: typeof problem.title === 'string' && problem.title ? problem.title
            : response.statusText || `HTTP ${response.status}`,
        detail: typeof problem.detail === 'string' ? problem.detail : '',
        status: response.status,
        retryAfterSeconds,
    });
}

function parseRetryAfter(header) {
    if (!header) {
        return null;
    }
    const seconds = Number(header);
    if (Number.isFinite(seconds)) {
        return Math.max(0, seconds);
    }
    const date = Date.parse(header);
    return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}
