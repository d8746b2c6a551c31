/** Wires the MathSketch page together: drawing, live recognition, feedback, history, statistics and models. */
import {ApiError, MathSketchApi} from './api.js';
import {byId} from './dom.js';
import {FeedbackView} from './feedback-view.js';
import {HistoryView} from './history-view.js';
import {LiveRecognizer} from './live-recognizer.js';
import {describeError, NOT_STORED} from './messages.js';
import {ModelsView} from './models-view.js';
import {Notice} from './notice.js';
import {ResultView} from './result-view.js';
import {loadSettings, MODES, saveSettings} from './settings.js';
import {Sketchpad} from './sketchpad.js';
import {StatsView} from './stats-view.js';
import {SymbolTable} from './symbol-table.js';

const api = new MathSketchApi();
const settings = loadSettings();
let modelsLoaded = false;

const notice = new Notice(byId('notice'), byId('notice-title'), byId('notice-detail'));
/** How the drawing surface looks in each mode: a line of arithmetic needs room. */
const MODE_LOOK = Object.freeze({
    digit: {aspect: 1, placeholder: 'Draw a digit here'},
    number: {aspect: 2, placeholder: 'Write a number here'},
    expression: {aspect: 3, placeholder: 'Write a sum, such as 12+7×3='},
});
const pad = new Sketchpad(byId('pad'), {penWidth: settings.penWidth, aspect: MODE_LOOK[settings.mode].aspect});
const result = new ResultView({
    card: document.querySelector('.result-card'),
    answer: byId('answer'),
    confidence: byId('confidence-value'),
    meter: byId('confidence-meter'),
    hint: byId('confidence-hint'),
    meta: byId('result-meta'),
    tag: byId('result-tag'),
    bars: byId('bars'),
    digitList: byId('digit-list'),
    expressionValue: byId('expression-value'),
    overlay: byId('pad-overlay'),
    announcer: byId('announcer'),
}, () => pad.logicalWidth);
const history = new HistoryView(api, {
    list: byId('history-list'),
    status: byId('history-status'),
    loadMore: byId('load-more'),
    refresh: byId('history-refresh'),
}, forgetDeleted);
const stats = new StatsView(api, {
    figures: byId('stats-figures'),
    matrix: byId('confusion-wrap'),
    status: byId('stats-status'),
    modelSelect: byId('stats-model'),
    modelLabel: byId('stats-model-label'),
});
const models = new ModelsView(api, {
    select: byId('model-select'),
    selectField: byId('model-select-field'),
    details: byId('model-details'),
    engines: byId('engines'),
    status: byId('models-status'),
    statusPill: byId('server-status'),
    statusText: byId('server-status-text'),
    statusDetail: byId('server-status-detail'),
}, (reference) => {
    settings.model = reference;
    saveSettings(settings);
    recognizer.optionsChanged();
});

// The drawing goes out as its strokes: a few kilobytes the server draws straight at the model's 28x28, where a PNG
// of the canvas is tens of kilobytes the server must decode to find the same strokes again.
const recognizer = new LiveRecognizer(api,
    () => (pad.isEmpty ? null : {ink: pad.toInk(), version: pad.version}),
    // Expression mode reads with the server's symbol model, whichever digit model is chosen.
    () => ({mode: settings.mode, model: settings.mode === 'expression' ? '' : models.selected}),
    {
        onPending: () => result.showPending(),
        onResult: showResult,
        onStored: (recognition) => {
            history.upsert(recognition);
            stats.reload();
        },
        onError: showError,
    });

const feedback = new FeedbackView({
    root: byId('feedback'),
    digits: byId('feedback-digits'),
    numberForm: byId('feedback-number-form'),
    numberInput: byId('feedback-number'),
    correct: byId('feedback-correct'),
    hint: byId('feedback-hint'),
    status: byId('feedback-status'),
}, sendFeedback);

const symbols = new SymbolTable({
    root: byId('symbol-table'),
    rows: byId('symbol-rows'),
    send: byId('symbol-correct'),
}, (label) => feedback.submit(label));

function showResult({recognition, requestedStore}, {version}) {
    if (pad.isEmpty) {
        return;
    }
    const unsaved = requestedStore && !recognition.stored;
    const state = requestedStore ? (unsaved ? 'not-saved' : 'saved') : 'preview';
    if (unsaved) {
        notice.warning(NOT_STORED);
    } else if (requestedStore || byId('notice').dataset.tone === 'error') {
        notice.clear();
    }
    result.show(recognition, state, version);
    symbols.show(recognition);
    feedback.offer(recognition, !unsaved);
    models.connection(true);
    if (!modelsLoaded) {
        refreshPanels();
    }
}

function showError(error, {retryInSeconds}) {
    const message = describeError(error);
    if (retryInSeconds) {
        message.detail = `Too many drawings at once. Trying again in ${retryInSeconds} s.`;
    }
    notice.error(message);
    result.showStale();
    if (error.kind === 'network') {
        models.connection(false);
    }
    if (error.kind === 'blank-image') {
        result.showEmpty('Nothing to read yet');
        symbols.hide();
        feedback.hide();
    }
    result.announce(`${message.title}. ${message.detail}`);
}

/**
 * A recognition deleted from the history: the statistics are read again, and if it is the answer on screen, that
 * answer says so and takes no feedback (the server would answer 404). Redrawing stores a new one as usual.
 */
function forgetDeleted(id) {
    stats.reload();
    if (result.showDeleted(id)) {
        symbols.hide();
        feedback.hide();
    }
}

/** Feedback needs a saved recognition: a live preview is saved first. */
async function sendFeedback(recognition, label) {
    let target = recognition;
    if (!recognition.stored) {
        target = await recognizer.commitNow();
        if (target === null) {
            throw new ApiError({kind: 'not-saved', title: 'Drawing not saved', detail: 'See the message above.'});
        }
        if (!target.stored) {
            throw new ApiError({kind: 'database-unavailable', title: 'Database unavailable', detail: NOT_STORED.detail});
        }
    }
    const updated = await api.sendFeedback(target.id, label);
    history.upsert(updated);
    stats.reload();
    return updated;
}

function refreshPanels() {
    models.load(settings.model).then((loaded) => {
        modelsLoaded = loaded;
        if (loaded) {
            offerExpressions(models.hasSymbolModel);
        }
    });
    history.reload();
    stats.reload();
}

/** Expression mode is offered only when the server has a model that reads operators. */
function offerExpressions(available) {
    byId('mode-expression-label').hidden = !available;
    byId('mode-expression').disabled = !available;
    if (!available && settings.mode === 'expression') {
        setMode('digit');
    }
}

function availableModes() {
    return MODES.filter((mode) => !byId(`mode-${mode}`).disabled);
}

function setMode(mode) {
    settings.mode = mode;
    saveSettings(settings);
    document.body.dataset.mode = mode;
    byId(`mode-${mode}`).checked = true;
    byId('pad-placeholder').textContent = MODE_LOOK[mode].placeholder;
    pad.setAspect(MODE_LOOK[mode].aspect);
    if (pad.isEmpty) {
        result.showEmpty();
        symbols.hide();
    } else {
        recognizer.optionsChanged();
    }
}

function drawingChanged(reason) {
    const empty = pad.isEmpty;
    byId('pad-placeholder').hidden = !empty;
    byId('undo').disabled = empty;
    byId('clear').disabled = empty;
    if (reason === 'drawing') {
        recognizer.drawing();
    } else if (empty) {
        recognizer.reset();
        result.showEmpty();
        symbols.hide();
        feedback.hide();
        notice.clear();
        result.announce(reason === 'clear' ? 'Canvas cleared.' : 'Canvas empty.');
    } else {
        recognizer.settled();
    }
}

function recogniseNow() {
    if (pad.isEmpty) {
        notice.error({title: 'Nothing to read', detail: 'The canvas is empty: draw a digit first.'});
        byId('pad').focus();
        return;
    }
    recognizer.commitNow();
}

function isTyping(target) {
    return target instanceof HTMLElement
        && (target.isContentEditable || target.matches('input:not([type=range]):not([type=radio]), textarea, select'));
}

function onKeyDown(event) {
    if (event.defaultPrevented || event.altKey || isTyping(event.target)) {
        return;
    }
    const command = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (command && !event.shiftKey && key.toLowerCase() === 'z') {
        pad.undo();
    } else if (command) {
        return;
    } else if (key === 'Delete' || key === 'Escape') {
        pad.clear();
    } else if (key === 'Enter' && !event.target.closest?.('button, a, summary')) {
        recogniseNow();
    } else if (/^[0-9]$/.test(key) && feedback.acceptsDigitKeys) {
        feedback.submit(key);
    } else if (key === 'm' || key === 'M') {
        const modes = availableModes();
        setMode(modes[(modes.indexOf(settings.mode) + 1) % modes.length]);
    } else {
        return;
    }
    event.preventDefault();
}

pad.addEventListener('change', (event) => drawingChanged(event.detail.reason));
byId('undo').addEventListener('click', () => pad.undo());
byId('clear').addEventListener('click', () => pad.clear());
byId('recognise').addEventListener('click', recogniseNow);
for (const radio of document.querySelectorAll('input[name=mode]')) {
    radio.addEventListener('change', () => setMode(radio.value));
}
const penWidth = byId('pen-width');
penWidth.value = String(settings.penWidth);
byId('pen-width-value').textContent = penWidth.value;
penWidth.addEventListener('input', () => {
    settings.penWidth = Number(penWidth.value);
    pad.penWidth = settings.penWidth;
    byId('pen-width-value').textContent = penWidth.value;
    saveSettings(settings);
});
document.addEventListener('keydown', onKeyDown);
window.addEventListener('online', refreshPanels);
window.addEventListener('unhandledrejection', (event) => notice.error(describeError(event.reason)));
window.addEventListener('error', (event) => notice.error(describeError(event.error ?? event.message)));

setMode(settings.mode);
refreshPanels();

/**
 * The live drawing surface, for tools that drive the page in a browser (the canvas-fixture recorder reads the ink and
 * the exported PNG the page makes of what it drew). Importing this module again returns the same instance.
 */
export {pad};
