/**
 * The latest saved recognitions as thumbnails with their answers and corrections, newest first, paged by cursor.
 * Each can be deleted in two steps, never by a single slip: its bin button turns into "Delete this drawing?" with
 * "Delete" and "Keep" (focused) buttons.
 */
import {el, percent, svg} from './dom.js';
import {describeError} from './messages.js';

const PAGE_SIZE = 12;
const RELATIVE = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto', style: 'short'});

export class HistoryView {
    #api;
    #nodes;
    #cursor = null;
    #items = new Map();
    /** The listing in flight, if any. */
    #loading = null;
    /** Deleted here: a listing that was already on its way when the delete went out must not bring them back. */
    #deleted = new Set();
    #onDeleted;

    /** @param onDeleted (id) => void, after the server deleted a recognition (or had it no more) */
    constructor(api, nodes, onDeleted) {
        this.#api = api;
        this.#nodes = nodes;
        this.#onDeleted = onDeleted;
        nodes.loadMore.addEventListener('click', () => this.#load(false));
        nodes.refresh.addEventListener('click', () => this.reload());
        nodes.list.addEventListener('click', (event) => {
            const button = event.target.closest('button[data-action]');
            const item = button?.closest('li');
            if (item && item.dataset.busy !== 'true') {
                this.#act(button.dataset.action, item);
            }
        });
        nodes.list.addEventListener('keydown', (event) => {
            const item = event.target.closest('li[data-confirming="true"]');
            if (event.key === 'Escape' && item && item.dataset.busy !== 'true') {
                // Here Escape means "keep"; the page's own Escape (clear the canvas) must not run as well.
                event.preventDefault();
                this.#keep(item);
            }
        });
        // Relative times ("2 minutes ago") age while the page stays open.
        setInterval(() => this.#refreshTimes(), 30_000);
    }

    reload() {
        return this.#load(true);
    }

    /** Adds a freshly saved recognition at the top, or updates it in place (e.g. after feedback). */
    upsert(recognition) {
        if (!recognition.stored || this.#deleted.has(recognition.id)) {
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

    /** Lists the first page afresh or the next one; while a listing is in flight, asking again gets that one. */
    #load(fromStart) {
        this.#loading ??= this.#fetchPage(fromStart).finally(() => {
            this.#loading = null;
            this.#nodes.loadMore.disabled = false;
        });
        return this.#loading;
    }

    async #fetchPage(fromStart) {
        this.#nodes.loadMore.disabled = true;
        this.#status(fromStart && this.#items.size === 0 ? 'Loading…' : '');
        try {
            const page = await this.#api.listRecognitions({limit: PAGE_SIZE, cursor: fromStart ? null : this.#cursor});
            if (fromStart) {
                this.#items.clear();
                this.#nodes.list.replaceChildren();
            }
            for (const recognition of page.items ?? []) {
                if (!this.#items.has(recognition.id) && !this.#deleted.has(recognition.id)) {
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
        }
    }

    #act(action, item) {
        if (action === 'ask') {
            this.#ask(item);
        } else if (action === 'keep') {
            this.#keep(item);
        } else if (action === 'delete') {
            this.#delete(item);
        }
    }

    /** First step: the bin button becomes the question, with the harmless answer focused. */
    #ask(item) {
        for (const other of this.#nodes.list.querySelectorAll('li[data-confirming="true"]')) {
            if (other !== item && other.dataset.busy !== 'true') {
                this.#keep(other);
            }
        }
        const name = item.dataset.name;
        const keep = el('button', {type: 'button', class: 'btn btn-small', dataset: {action: 'keep'},
            'aria-label': `Keep the drawing ${name}`}, 'Keep');
        item.dataset.confirming = 'true';
        item.querySelector('.history-actions').replaceChildren(el('div', {class: 'history-confirm'},
            el('span', {class: 'history-question'}, 'Delete this drawing?'),
            el('button', {type: 'button', class: 'btn btn-small btn-danger', dataset: {action: 'delete'},
                'aria-label': `Yes, delete the drawing ${name}`}, 'Delete'),
            keep));
        keep.focus();
    }

    #keep(item) {
        const hadFocus = item.contains(document.activeElement);
        delete item.dataset.confirming;
        const bin = deleteButton(item.dataset.name);
        item.querySelector('.history-actions').replaceChildren(bin);
        if (hadFocus) {
            bin.focus();
        }
    }

    async #delete(item) {
        const id = item.dataset.id;
        item.dataset.busy = 'true';
        item.setAttribute('aria-busy', 'true');
        item.querySelector('.history-question').textContent = 'Deleting…';
        for (const button of item.querySelectorAll('button')) {
            button.setAttribute('aria-disabled', 'true');
        }
        let gone = '';
        try {
            await this.#api.deleteRecognition(id);
        } catch (error) {
            if (error.kind !== 'not-found') {
                delete item.dataset.busy;
                item.removeAttribute('aria-busy');
                this.#keep(item);
                const {title, detail} = describeError(error);
                this.#status(`Could not delete the drawing just now. ${title}: ${detail}`, 'warning');
                return;
            }
            // Deleted first by someone else (another tab, the admin, the retention purge): what the user wanted.
            gone = 'Already deleted elsewhere: the server no longer has this drawing'
                + ` (${error.title}: ${error.detail}).`;
        }
        this.#deleted.add(id);
        const hadFocus = item.contains(document.activeElement);
        const nextId = (item.nextElementSibling ?? item.previousElementSibling)?.dataset.id;
        // The cursor is the last listed item's time and id, so taking one item out leaves the next page intact.
        item.remove();
        this.#items.get(id)?.remove(); // listed again by a refresh while the delete was on its way
        this.#items.delete(id);
        this.#onDeleted(id);
        if (gone || this.#items.size === 0) {
            // Something else changed the history, or this page of it is empty while older ones may not be.
            await this.#loading;
            await this.#load(true);
        }
        if (hadFocus) {
            // Focus goes where the deleted entry was (the next one), not back to the top of the page.
            const neighbour = this.#items.get(nextId) ?? this.#nodes.list.firstElementChild;
            (neighbour?.querySelector('button[data-action="ask"]') ?? this.#nodes.refresh).focus();
        }
        const left = this.#items.size === 0 ? ' No drawings left.' : '';
        this.#status(`${gone || 'Drawing deleted.'}${left}`);
    }

    #status(text, tone = '') {
        this.#nodes.status.textContent = text;
        this.#nodes.status.dataset.tone = tone;
        this.#nodes.status.hidden = text === '';
    }

    #refreshTimes() {
        for (const item of this.#nodes.list.children) {
            const time = item.querySelector('time');
            time.textContent = relative(time.dateTime);
            item.dataset.name = entryName(item.dataset.description, time.dateTime);
            const bin = item.querySelector('button[data-action="ask"]');
            bin?.setAttribute('aria-label', `Delete the drawing ${item.dataset.name}`);
        }
    }
}

function historyItem(recognition) {
    const {id, text, confidence, feedback, createdAt, links, mode} = recognition;
    const corrected = feedback && feedback.label !== text;
    const confirmed = feedback && feedback.label === text;
    const description = corrected ? `read as ${text}, corrected to ${feedback.label}` : `read as ${text}`;
    const name = entryName(description, createdAt);
    return el('li', {class: 'history-item', dataset: {id, mode, description, name,
        verdict: corrected ? 'corrected' : confirmed ? 'confirmed' : ''}},
        thumbnail(links?.image ?? `/api/v1/recognitions/${encodeURIComponent(id)}/image`, `Drawing ${description}`,
            mode),
        el('div', {class: 'history-text'},
            el('span', {class: 'history-answer', 'aria-hidden': 'true'}, text),
            corrected ? el('span', {class: 'badge badge-corrected'}, `→ ${feedback.label}`) : null,
            confirmed ? el('span', {class: 'badge badge-confirmed'}, '✓') : null,
            el('span', {class: 'visually-hidden'}, `${description}, ${percent(confidence)} sure`),
            el('span', {class: 'history-meta', 'aria-hidden': 'true'}, percent(confidence)),
            el('time', {class: 'history-meta', datetime: createdAt}, relative(createdAt))),
        el('div', {class: 'history-actions'}, deleteButton(name)));
}

/** What a delete button names: the entry as the list shows it ("read as 7, saved 2 min. ago"). */
function entryName(description, createdAt) {
    return `${description}, saved ${relative(createdAt)}`;
}

function deleteButton(name) {
    return el('button', {type: 'button', class: 'btn btn-small history-delete', dataset: {action: 'ask'},
        'aria-label': `Delete the drawing ${name}`, title: 'Delete this drawing'},
        svg('svg', {viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false'},
            svg('path', {d: 'M3 6h18'}), svg('path', {d: 'M8 6V4h8v2'}), svg('path', {d: 'M6 6l1 14h10l1-14'})));
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
