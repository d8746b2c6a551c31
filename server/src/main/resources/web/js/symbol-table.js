/**
 * An expression symbol by symbol: what each was read as, how sure the model was, and a choice of what it should have
 * been. Sending the choices corrects the whole expression as feedback (the server counts it place by place in its
 * per-symbol confusion), so one misread symbol is fixed without retyping the rest.
 */
import {el, percent} from './dom.js';
import {EXPRESSION_SYMBOLS} from './labels.js';

export class SymbolTable {
    #nodes;
    #read = [];

    /** @param correct (label) => sends the corrected expression as feedback */
    constructor(nodes, correct) {
        this.#nodes = nodes;
        nodes.rows.addEventListener('change', (event) => {
            const row = event.target.closest('tr');
            if (row) {
                row.dataset.changed = String(event.target.value !== row.dataset.read);
                this.#updateSend();
            }
        });
        nodes.send.addEventListener('click', () => correct(this.#label()));
    }

    /** Shows an expression's symbols; any other answer hides the table. */
    show(recognition) {
        const symbols = recognition.mode === 'expression' ? recognition.digits ?? [] : [];
        this.#nodes.root.hidden = symbols.length === 0;
        this.#read = symbols.map(({label}) => label);
        this.#nodes.rows.replaceChildren(...symbols.map(row));
        this.#updateSend();
    }

    hide() {
        this.#nodes.root.hidden = true;
        this.#nodes.rows.replaceChildren();
        this.#read = [];
    }

    #label() {
        return [...this.#nodes.rows.querySelectorAll('select')].map((select) => select.value).join('');
    }

    #updateSend() {
        this.#nodes.send.disabled = this.#label() === this.#read.join('');
    }
}

function row({label, confidence}, index) {
    const choices = EXPRESSION_SYMBOLS.includes(label) ? EXPRESSION_SYMBOLS : [label, ...EXPRESSION_SYMBOLS];
    return el('tr', {dataset: {read: label, changed: 'false'}},
        el('th', {scope: 'row'}, String(index + 1)),
        el('td', {class: 'symbol-read'}, label),
        el('td', {class: 'symbol-confidence'},
            el('span', {class: 'meter', 'aria-hidden': 'true'},
                el('span', {class: 'meter-fill', dataset: {level: level(confidence)},
                    style: {'--value': String(confidence)}})),
            percent(confidence)),
        el('td', {},
            el('select', {'aria-label': `Symbol ${index + 1} should be`},
                ...choices.map((symbol) => el('option', {value: symbol, selected: symbol === label}, symbol)))));
}

function level(confidence) {
    if (confidence >= 0.9) {
        return 'high';
    }
    return confidence >= 0.6 ? 'medium' : 'low';
}
