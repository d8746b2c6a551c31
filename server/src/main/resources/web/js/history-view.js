/** The latest saved recognitions as thumbnails with their answers and corrections, newest first, paged by cursor. */
import {el, percent} from './dom.js';
import {describeError} from './messages.js';

const PAGE_SIZE = 12;
const RELATIVE = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto', style: 'short'});

export class HistoryView {
    #api;
    #nodes;
    #cursor = null;
    #items = new Map();
    #loading = false;

    constructor(api, nodes) {
        this.#api = api;
        this.#nodes = nodes;
        nodes.loadMore.addEventListener('click', () => this.#load(false));
        nodes.refresh.addEventListener('click', () => this.reload());
        // Relative times ("2 minutes ago") age while the page stays open.
        setInterval(() => this.#refreshTimes(), 30_000);
    }

    reload() {
        return this.#load(true);
    }

    /** Adds a freshly saved recognition at the top, or updates it in place (e.g. after feedback). */
    upsert(recognition) {
        if (!recognition.stored) {
            return;
        }
        const item = historyItem(recognition);
        const existing = this.#items.get(recognition.id);
        if (existing) {
            existing.replaceWith(item);
        } else {
            this.#nodes.list.prepend(item);
        }
        this.#items.set(recognition.id, item);
        this.#status('');
    }

    async #load(fromStart) {
        if (this.#loading) {
            return;
        }
        this.#loading = true;
        this.#nodes.loadMore.disabled = true;
        this.#status(fromStart && this.#items.size === 0 ? 'Loading…' : '');
        try {
            const page = await this.#api.listRecognitions({limit: PAGE_SIZE, cursor: fromStart ? null : this.#cursor});
            if (fromStart) {
                this.#items.clear();
                this.#nodes.list.replaceChildren();
            }
            for (const recognition of page.items ?? []) {
                if (!this.#items.has(recognition.id)) {
                    const item = historyItem(recognition);
                    this.#items.set(recognition.id, item);
                    this.#nodes.list.append(item);
                }
            }
            this.#cursor = page.nextCursor ?? null;
            this.#nodes.loadMore.hidden = this.#cursor === null;
            this.#status(this.#items.size === 0 ? 'No drawings yet. Saved answers will appear here.' : '');
        } catch (error) {
            const {title, detail} = describeError(error);
            this.#status(`History unavailable. ${title}: ${detail}`, 'error');
        } finally {
            this.#loading = false;
            this.#nodes.loadMore.disabled = false;
        }
    }

    #status(text, tone = '') {
        this.#nodes.status.textContent = text;
        this.#nodes.status.dataset.tone = tone;
        this.#nodes.status.hidden = text === '';
    }

    #refreshTimes() {
        for (const time of this.#nodes.list.querySelectorAll('time')) {
            time.textContent = relative(time.dateTime);
        }
    }
}

function historyItem(recognition) {
    const {id, text, confidence, feedback, createdAt, links, mode} = recognition;
    const corrected = feedback && feedback.label !== text;
    const confirmed = feedback && feedback.label === text;
    const description = corrected ? `read as ${text}, corrected to ${feedback.label}` : `read as ${text}`;
    return el('li', {class: 'history-item', dataset: {id, mode, verdict: corrected ? 'corrected' : confirmed ? 'confirmed' : ''}},
        thumbnail(links?.image ?? `/api/v1/recognitions/${encodeURIComponent(id)}/image`, `Drawing ${description}`,
            mode),
        el('div', {class: 'history-text'},
            el('span', {class: 'history-answer', 'aria-hidden': 'true'}, text),
            corrected ? el('span', {class: 'badge badge-corrected'}, `→ ${feedback.label}`) : null,
            confirmed ? el('span', {class: 'badge badge-confirmed'}, '✓') : null,
            el('span', {class: 'visually-hidden'}, `${description}, ${percent(confidence)} sure`),
            el('span', {class: 'history-meta', 'aria-hidden': 'true'}, percent(confidence)),
            el('time', {class: 'history-meta', datetime: createdAt}, relative(createdAt))));
}

function thumbnail(src, alt, mode) {
    const image = el('img', {src, alt, loading: 'lazy', decoding: 'async', width: mode === 'number' ? 112 : 56, height: 56});
    const frame = el('div', {class: 'thumb'}, image);
    // A missing image says so in words instead of showing a broken-image icon with clipped alt text.
    image.addEventListener('error', () => {
        frame.replaceChildren(el('span', {class: 'thumb-missing', title: 'The image could not be loaded'}, 'no image'));
    }, {once: true});
    return frame;
}

function relative(iso) {
    // A server clock slightly ahead of this one must not say "in 2 seconds".
    const seconds = Math.min(0, (Date.parse(iso) - Date.now()) / 1000);
    if (Number.isNaN(seconds)) {
        return '';
    }
    const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.35, 'week'], [12, 'month']];
    let value = seconds;
    for (const [size, unit] of steps) {
        if (Math.abs(value) < size) {
            return RELATIVE.format(Math.round(value), unit);
        }
        value /= size;
    }
    return RELATIVE.format(Math.round(value), 'year');
}
