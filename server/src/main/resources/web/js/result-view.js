/**
 * Shows a recognition: the answer, its confidence, the ten probabilities (digit mode) or one box per digit found
 * (number mode, also outlined on the canvas), and which model answered. Saved answers are announced politely to
 * screen readers; live previews are not, as they change several times a second.
 */
import {el, percent, svg} from './dom.js';
import {DIGITS} from './labels.js';
import {LOGICAL_HEIGHT} from './sketchpad.js';

export class ResultView {
    #nodes;
    #logicalWidth;
    /** The id of the saved recognition on screen, if one is. */
    #savedId = null;

    /** @param logicalWidth () => the sketchpad's logical width, for the number-mode overlay */
    constructor(nodes, logicalWidth) {
        this.#nodes = nodes;
        this.#logicalWidth = logicalWidth;
        this.#nodes.bars.append(...DIGITS.map((digit) => barItem(digit)));
        this.showEmpty();
    }

    showEmpty(message = 'Waiting for a drawing') {
        const {answer, confidence, meter, hint, meta, tag, digitList} = this.#nodes;
        answer.textContent = '?';
        answer.dataset.empty = 'true';
        answer.dataset.version = '';
        answer.dataset.state = 'empty';
        this.#savedId = null;
        this.#nodes.card.classList.remove('stale');
        confidence.textContent = message;
        meter.style.setProperty('--value', '0');
        hint.textContent = '';
        meta.textContent = '';
        tag.hidden = true;
        digitList.hidden = true;
        digitList.replaceChildren();
        this.#showValue(null);
        this.#setBars(new Array(10).fill(0), -1);
        this.#nodes.bars.hidden = false;
        this.#nodes.overlay.replaceChildren();
        this.#setBusy(false);
    }

    /** The drawing changed but no new answer came: keep the old one visible, marked as out of date. */
    showStale() {
        this.#setBusy(false);
        if (this.#nodes.answer.dataset.empty === 'false') {
            this.#nodes.card.classList.add('stale');
            this.#nodes.tag.hidden = false;
            this.#nodes.tag.dataset.state = 'stale';
            this.#nodes.tag.textContent = 'Out of date';
        } else {
            this.#nodes.confidence.textContent = 'No answer yet';
        }
    }

    /**
     * If the answer on screen is recognition `id`, says it was deleted (it stays readable, no longer saved) and
     * answers true.
     */
    showDeleted(id) {
        if (id !== this.#savedId) {
            return false;
        }
        this.#savedId = null;
        const {answer, tag} = this.#nodes;
        answer.dataset.state = 'deleted';
        tag.hidden = false;
        tag.dataset.state = 'deleted';
        tag.textContent = 'Deleted';
        this.announce('The drawing on the canvas was deleted from your history.');
        return true;
    }

    showPending() {
        this.#setBusy(true);
    }

    /**
     * @param state "preview" | "saved" | "not-saved"
     * @param version the sketchpad version the answer was computed for
     */
    show(recognition, state, version) {
        const {answer, confidence, meter, hint, meta, tag, bars, digitList} = this.#nodes;
        this.#setBusy(false);
        answer.dataset.version = String(version);
        answer.dataset.state = state;
        this.#savedId = state === 'saved' ? recognition.id : null;
        this.#nodes.card.classList.remove('stale');
        answer.textContent = recognition.text || '?';
        answer.dataset.empty = 'false';
        confidence.textContent = `${percent(recognition.confidence)} sure`;
        meter.style.setProperty('--value', String(recognition.confidence));
        meter.dataset.level = level(recognition.confidence);
        hint.textContent = recognition.confidence < 0.6
            ? 'Not sure about this one: try writing larger, or tell us the answer below.'
            : '';
        meta.textContent = describeServer(recognition);
        tag.hidden = false;
        tag.dataset.state = state;
        tag.textContent = {preview: 'Live preview', saved: 'Saved', 'not-saved': 'Not saved'}[state];

        // Numbers and expressions are read symbol by symbol: one chip and one box on the canvas per symbol.
        const isNumber = recognition.mode === 'number' || recognition.mode === 'expression';
        bars.hidden = isNumber;
        digitList.hidden = !isNumber;
        this.#showValue(recognition.expression);
        if (isNumber) {
            digitList.replaceChildren(...(recognition.digits ?? []).map(digitItem));
        } else {
            const probabilities = recognition.probabilities ?? recognition.digits?.[0]?.probabilities ?? [];
            this.#setBars(probabilities, recognition.digit ?? Number(recognition.text));
        }
        this.#drawBoxes(isNumber ? recognition.digits ?? [] : []);
        if (state !== 'preview') {
            this.announce(`Read as ${recognition.text}, ${percent(recognition.confidence)} sure.`);
        }
    }

    /** An expression's value ("= 33", "= 1/3 ≈ 0.333…") or, for an equation, whether it holds. */
    #showValue(expression) {
        const node = this.#nodes.expressionValue;
        node.hidden = !expression;
        if (!expression) {
            node.textContent = '';
            return;
        }
        const {value, form, holds} = expression;
        const exact = value.integer ?? value.fraction;
        const approximate = value.exact || value.integer ? '' : ` ≈ ${value.decimal}`;
        node.dataset.form = form;
        node.textContent = form === 'equation'
            ? `${holds ? 'True' : 'False'}: the left side is ${exact}${approximate}`
            : `= ${exact}${approximate}`;
    }

    announce(text) {
        this.#nodes.announcer.textContent = text;
    }

    #setBusy(busy) {
        this.#nodes.answer.closest('.answer-row').classList.toggle('busy', busy);
    }

    #setBars(probabilities, winner) {
        [...this.#nodes.bars.children].forEach((item, index) => {
            const probability = Number(probabilities[index] ?? 0);
            item.style.setProperty('--p', String(Math.max(0, Math.min(1, probability))));
            item.classList.toggle('winner', index === winner);
            item.querySelector('.bar-value').textContent = probability >= 0.005 ? percent(probability) : '';
            item.querySelector('.visually-hidden').textContent = `: ${percent(probability)}`;
        });
    }

    #drawBoxes(digits) {
        const overlay = this.#nodes.overlay;
        overlay.setAttribute('viewBox', `0 0 ${this.#logicalWidth()} ${LOGICAL_HEIGHT}`);
        overlay.replaceChildren(...digits.filter((d) => d.box).map(({label, box}) => svg('g', {class: 'box'},
            svg('rect', {x: box.x, y: box.y, width: box.width, height: box.height, rx: 6}),
            svg('text', {x: box.x + 4, y: Math.max(18, box.y - 6)}, label))));
    }
}

function barItem(digit) {
    return el('li', {class: 'bar'},
        el('span', {class: 'bar-value', 'aria-hidden': 'true'}),
        el('span', {class: 'bar-track', 'aria-hidden': 'true'}, el('span', {class: 'bar-fill'})),
        el('span', {class: 'bar-label'}, digit, el('span', {class: 'visually-hidden'})));
}

function digitItem({label, confidence, probabilities = []}) {
    return el('li', {class: 'digit-chip'},
        el('span', {class: 'digit-chip-label'}, label),
        el('span', {class: 'digit-chip-confidence'}, percent(confidence)),
        el('span', {class: 'mini-bars', 'aria-hidden': 'true'}, ...DIGITS.map((digit, index) => el('span', {
            class: digit === label ? 'winner' : '',
            style: {'--p': String(Number(probabilities[index] ?? 0))},
        }))));
}

function describeServer({model, engine, device, timings}) {
    const parts = [];
    if (model) {
        parts.push(`${model.name} ${model.version ?? ''}`.trim());
    }
    if (engine) {
        parts.push(engine);
    }
    if (device) {
        parts.push(device);
    }
    if (typeof timings?.totalMs === 'number') {
        parts.push(`${timings.totalMs.toFixed(1)} ms`);
    }
    return parts.join(' · ');
}

function level(confidence) {
    if (confidence >= 0.9) {
        return 'high';
    }
    return confidence >= 0.6 ? 'medium' : 'low';
}
