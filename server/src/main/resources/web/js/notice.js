/** The message strip above the result: errors and warnings, each with a short title and the details. */
export class Notice {
    #root;
    #title;
    #detail;

    constructor(root, title, detail) {
        this.#root = root;
        this.#title = title;
        this.#detail = detail;
    }

    error({title, detail}) {
        this.#show('error', title, detail);
    }

    warning({title, detail}) {
        this.#show('warning', title, detail);
    }

    clear() {
        this.#root.hidden = true;
        this.#root.dataset.tone = '';
        this.#title.textContent = '';
        this.#detail.textContent = '';
    }

    #show(tone, title, detail) {
        // Rewriting identical text would make screen readers repeat the alert on every live preview.
        if (!this.#root.hidden && this.#title.textContent === title && this.#detail.textContent === detail) {
            return;
        }
        this.#root.dataset.tone = tone;
        this.#title.textContent = title;
        this.#detail.textContent = detail;
        this.#root.hidden = false;
    }
}
