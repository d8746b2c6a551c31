/** Remembers the user's choices (mode, pen width, model) between visits; storage may be unavailable (private mode). */

const KEY = 'mathsketch.settings.v1';
const DEFAULTS = Object.freeze({mode: 'digit', penWidth: 18, model: ''});
/** The recognition modes, in the order the M key steps through them. */
export const MODES = Object.freeze(['digit', 'number', 'expression']);

export function loadSettings() {
    try {
        const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
        return {
            mode: MODES.includes(saved.mode) ? saved.mode : DEFAULTS.mode,
            penWidth: Number.isInteger(saved.penWidth) ? saved.penWidth : DEFAULTS.penWidth,
            model: typeof saved.model === 'string' ? saved.model : DEFAULTS.model,
        };
    } catch {
        return {...DEFAULTS};
    }
}

export function saveSettings(settings) {
    try {
        localStorage.setItem(KEY, JSON.stringify(settings));
    } catch {
        // Not remembering a preference is harmless; the page works the same.
    }
}
