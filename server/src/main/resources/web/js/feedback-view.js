/**
 * "Wrong? Tell us": one click on the right digit (or a typed number in number mode) sends the correction; "It's
 * right" confirms the answer, which is what makes the accuracy figure meaningful. The outcome is always shown.
 */
import {el} from './dom.js';
import {describeError} from './messages.js';

export class FeedbackView {
    #nodes;
    #send;
    #recognition = null;
    #mode = 'digit';
    #busy = false;

    /** @param send async (recognition, label) => updated recognition; throws ApiError */
    constructor(nodes, send) {
        this.#nodes = nodes;
        this.#send = send;
        nodes.digits.append(...Array.from({length: 10}, (_, digit) => el('button', {
            type: 'button',
            class: 'btn digit-button',
            'aria-pressed': 'false',
            'aria-keyshortcuts': String(digit),
            'aria-label': `It was ${digit}`,
            dataset: {label: String(digit)},
        }, String(digit))));
        nodes.digits.addEventListener('click', (event) => {
            const button = event.target.closest('button[data-label]');
            if (button) {
                this.submit(button.dataset.label);
            }
        });
        nodes.numberForm.addEventListener('submit', (event) => {
            event.preventDefault();
            const value = nodes.numberInput.value.trim();
            if (!/^[0-9]{1,32}$/.test(value)) {
                this.#status('error', 'Type the number with digits only, e.g. 42.');
                nodes.numberInput.focus();
                return;
            }
            this.submit(value);
        });
        nodes.correct.addEventListener('click', () => {
            if (this.#recognition) {
                this.submit(this.#recognition.text);
            }
        });
    }

    /** True when digit keys should go to the feedback buttons. */
    get acceptsDigitKeys() {
        return !this.#nodes.root.hidden && this.#mode === 'digit' && !this.#nodes.digits.hidden && !this.#busy;
    }

    /**
     * Offers feedback for a new answer: saved, or still a preview (saved first when feedback comes). `savable` is
     * false when the server could not store the drawing, so no feedback can be stored either.
     */
    offer(recognition, savable) {
        const changed = this.#recognition?.id !== recognition.id;
        this.#recognition = recognition;
        this.#mode = recognition.mode;
        const {root, digits, numberForm, numberInput, hint} = this.#nodes;
        root.hidden = false;
        const isExpression = recognition.mode === 'expression';
        const isNumber = recognition.mode === 'number' || isExpression;
        digits.hidden = isNumber;
        numberForm.hidden = !isNumber;
        // An expression is corrected as typed text: x, * and / are read as ×, × and ÷ by the server.
        numberInput.inputMode = isExpression ? 'text' : 'numeric';
        numberInput.pattern = isExpression ? '.{1,64}' : '[0-9]{1,32}';
        numberInput.maxLength = isExpression ? 64 : 32;
        numberInput.labels[0].textContent = isExpression ? 'The expression you wrote' : 'The number you wrote';
        hint.textContent = isExpression
            ? 'Type the expression you meant (x or * for ×, / for ÷).'
            : isNumber ? 'Type the number you meant.' : 'Tap the digit you meant (or press its key).';
        if (changed) {
            numberInput.value = '';
            this.#markChosen(recognition.feedback?.label ?? null);
            this.#status('', '');
        }
        this.#setEnabled(savable);
        if (!savable) {
            this.#status('warning', 'Feedback is paused: this drawing could not be saved.');
        } else if (this.#nodes.status.dataset.tone === 'warning') {
            this.#status('', '');
        }
    }

    hide() {
        this.#recognition = null;
        this.#nodes.root.hidden = true;
        this.#status('', '');
    }

    async submit(label) {
        if (this.#recognition === null || this.#busy) {
            return;
        }
        this.#busy = true;
        this.#setEnabled(false);
        this.#status('pending', `Saving ${label}…`);
        try {
            const updated = await this.#send(this.#recognition, label);
            this.#recognition = updated;
            this.#markChosen(label);
            const verdict = label === updated.text ? 'confirmed' : `corrected to ${label}`;
            this.#status('ok', `Saved — thank you! Answer ${verdict}.`);
        } catch (error) {
            const {title, detail} = describeError(error);
            this.#status('error', `Not saved. ${title}: ${detail}`);
        } finally {
            this.#busy = false;
            this.#setEnabled(true);
        }
    }

    #markChosen(label) {
        for (const button of this.#nodes.digits.querySelectorAll('button')) {
            button.setAttribute('aria-pressed', String(button.dataset.label === label));
        }
    }

    #setEnabled(enabled) {
        const {digits, numberForm, correct} = this.#nodes;
        for (const control of [...digits.querySelectorAll('button'), ...numberForm.elements, correct]) {
            control.disabled = !enabled;
        }
    }

    #status(tone, text) {
        this.#nodes.status.dataset.tone = tone;
        this.#nodes.status.textContent = text;
    }
}
