/**
 * Accuracy measured on the answers people gave feedback on, and the confusion matrix as a heat map
 * (row = the digit meant, column = the digit read; the diagonal holds the correct answers).
 */
import {el, percent} from './dom.js';
import {DIGITS} from './labels.js';
import {describeError} from './messages.js';

export class StatsView {
    #api;
    #nodes;
    #stats = null;
    #pending = null;

    constructor(api, nodes) {
        this.#api = api;
        this.#nodes = nodes;
        nodes.modelSelect.addEventListener('change', () => this.#renderMatrix());
    }

    /** Reloads; several calls in quick succession (e.g. feedback sent twice) share one request. */
    reload() {
        this.#pending ??= this.#fetch().finally(() => {
            this.#pending = null;
        });
        return this.#pending;
    }

    async #fetch() {
        try {
            this.#stats = await this.#api.stats();
            this.#status('');
            this.#render();
        } catch (error) {
            const {title, detail} = describeError(error);
            this.#status(`Statistics unavailable. ${title}: ${detail}`, 'error');
        }
    }

    #render() {
        const {total = 0, corrected = 0, correct = 0, accuracy = null, models = []} = this.#stats;
        this.#nodes.figures.replaceChildren(
            figure('Drawings saved', String(total)),
            figure('With feedback', String(corrected)),
            figure('Accuracy', accuracy === null || accuracy === undefined ? '—' : percent(accuracy),
                corrected > 0 ? `${correct} of ${corrected} right` : 'Tell us if answers are right to measure it'));

        const select = this.#nodes.modelSelect;
        const previous = select.value;
        select.replaceChildren(...models.map((model, index) => el('option', {value: String(index)},
            `${model.name} ${model.version ?? ''}`.trim())));
        const keep = [...select.options].find((option) => option.textContent === previous);
        select.value = keep ? keep.value : '0';
        this.#nodes.modelLabel.hidden = models.length < 2;
        this.#renderMatrix();
    }

    #renderMatrix() {
        const models = this.#stats?.models ?? [];
        const model = models[Number(this.#nodes.modelSelect.value) || 0];
        if (!model || !Array.isArray(model.confusion) || model.corrected === 0) {
            this.#nodes.matrix.replaceChildren(el('p', {class: 'empty'},
                'The confusion matrix fills in as people correct or confirm answers.'));
            return;
        }
        this.#nodes.matrix.replaceChildren(confusionTable(model));
    }

    #status(text, tone = '') {
        this.#nodes.status.textContent = text;
        this.#nodes.status.dataset.tone = tone;
        this.#nodes.status.hidden = text === '';
    }
}

function figure(label, value, note) {
    return el('div', {class: 'figure'},
        el('dt', {}, label),
        el('dd', {}, el('span', {class: 'figure-value'}, value), note ? el('span', {class: 'figure-note'}, note) : null));
}

function confusionTable(model) {
    const counts = model.confusion;
    const max = Math.max(1, ...counts.flat());
    const header = el('tr', {},
        el('th', {scope: 'col', class: 'corner'}, el('span', {class: 'visually-hidden'}, 'Meant (rows), read (columns)')),
        ...DIGITS.map((digit) => el('th', {scope: 'col'}, digit)));
    const rows = counts.slice(0, 10).map((row, meant) => el('tr', {},
        el('th', {scope: 'row'}, DIGITS[meant]),
        ...DIGITS.map((_, read) => {
            const count = Number(row[read] ?? 0);
            // Square root keeps a single mistake visible next to a diagonal of hundreds.
            const heat = count === 0 ? 0 : 0.15 + 0.85 * Math.sqrt(count / max);
            return el('td', {
                class: meant === read ? 'hit' : count > 0 ? 'miss' : '',
                style: {'--heat': heat.toFixed(3)},
                title: `Meant ${meant}, read ${read}: ${count}`,
            }, count > 0 ? String(count) : el('span', {class: 'visually-hidden'}, '0'));
        })));
    return el('table', {class: 'confusion'},
        el('caption', {}, `Confusion matrix for ${model.name}: rows are the digit meant, columns the digit read`),
        el('thead', {}, header),
        el('tbody', {}, ...rows));
}
