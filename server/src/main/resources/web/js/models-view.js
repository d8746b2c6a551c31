/**
 * The loaded models: which one answers (with its engine and device), and a selector when there are several.
 * Also drives the connection indicator in the page header, as the model list is the first thing the page loads.
 */
import {el, percent} from './dom.js';
import {DIGITS, OPERATORS} from './labels.js';
import {describeError} from './messages.js';

export class ModelsView {
    #api;
    #nodes;
    #models = [];
    #onSelect;

    /** @param onSelect (modelReference or '') => void, called when the user picks a model */
    constructor(api, nodes, onSelect) {
        this.#api = api;
        this.#nodes = nodes;
        this.#onSelect = onSelect;
        nodes.select.addEventListener('change', () => {
            this.#renderDetails();
            this.connection(true);
            this.#onSelect(nodes.select.value);
        });
    }

    /** Loads the model list, preselecting `preferred` (a "name:version" reference) when it is still loaded. */
    async load(preferred) {
        this.#status('Loading…');
        try {
            const answer = await this.#api.models();
            this.#models = answer.models ?? [];
            this.#render(answer, preferred);
            this.connection(true);
            this.#status(this.#models.length === 0 ? 'No model is loaded on the server.' : '');
            return true;
        } catch (error) {
            const {title, detail} = describeError(error);
            this.#status(`${title}. ${detail}`, 'error');
            this.connection(error.kind !== 'network', error.kind === 'network' ? 'Offline' : 'Degraded');
            return false;
        }
    }

    /** The model reference to send with requests: '' while the server's default model is selected. */
    /** Whether a loaded model reads operators (expression mode needs one). */
    get hasSymbolModel() {
        return this.#models.some((model) => OPERATORS.every((symbol) => model.labels?.includes(symbol)));
    }

    get selected() {
        const model = this.#current();
        return model && !model.default ? reference(model) : '';
    }

    connection(online, text) {
        const {statusPill, statusText, statusDetail} = this.#nodes;
        const model = this.#current();
        statusPill.dataset.state = online ? 'online' : 'offline';
        statusText.textContent = text ?? (online ? 'Online' : 'Offline');
        statusDetail.textContent = online && model ? ` · ${model.name} on ${model.engine}` : '';
    }

    #render(answer, preferred) {
        const {select, selectField, engines} = this.#nodes;
        // Only models that read digits are offered: the server refuses the others (the symbol model, number
        // mode's verifier and pair reader) in digit and number mode, and expression mode picks its own.
        const choices = this.#models.filter(readsDigits);
        select.replaceChildren(...choices.map((model) => el('option', {value: reference(model)},
            `${model.name} ${model.version}${model.default ? ' (default)' : ''}`)));
        const defaultModel = choices.find((model) => model.default) ?? choices[0];
        const wanted = choices.find((model) => reference(model) === preferred) ?? defaultModel;
        if (wanted) {
            select.value = reference(wanted);
        }
        selectField.hidden = choices.length < 2;
        engines.textContent = answer.engines?.length ? `Engines available: ${answer.engines.join(', ')}` : '';
        this.#renderDetails();
    }

    #renderDetails() {
        const model = this.#current();
        if (!model) {
            this.#nodes.details.replaceChildren();
            return;
        }
        const rows = [
            ['Model', `${model.name} ${model.version}`],
            ['Engine', model.engine],
            ['Device', model.device],
            ['Test accuracy', typeof model.testAccuracy === 'number' ? percent(model.testAccuracy) : 'not reported'],
            ['Workers', model.workers],
            ['Max batch', model.maxBatchSize],
        ].filter(([, value]) => value !== undefined && value !== null);
        this.#nodes.details.replaceChildren(...rows.map(([term, value]) =>
            el('div', {}, el('dt', {}, term), el('dd', {}, String(value)))));
    }

    #current() {
        return this.#models.find((model) => reference(model) === this.#nodes.select.value) ?? null;
    }

    #status(text, tone = '') {
        this.#nodes.status.textContent = text;
        this.#nodes.status.dataset.tone = tone;
        this.#nodes.status.hidden = text === '';
    }
}

function readsDigits(model) {
    return model.labels?.length === DIGITS.length && DIGITS.every((digit, i) => model.labels[i] === digit);
}

/** "name:version" is understood by every server version; the bare name would pick whatever version is newest. */
function reference(model) {
    return model.version ? `${model.name}:${model.version}` : model.name;
}
