/** Turns API errors into messages a person drawing digits understands; the server's own detail is kept visible. */

const FRIENDLY = {
    'network': () => ({
        title: 'Server unavailable',
        detail: 'Cannot reach the MathSketch server. Check that it is running and that you are online, then try again.',
    }),
    'blank-image': (error) => ({
        title: 'Nothing to read',
        detail: error.detail || 'The drawing looks empty. Draw a digit a little larger, then try again.',
    }),
    'ink-too-large': (error) => ({
        title: 'Drawing too long',
        detail: `${error.detail || 'The drawing has more strokes or points than the server reads.'}`
            + ' Clear the canvas and draw again.',
    }),
    'overloaded': (error) => ({
        title: 'Server busy',
        detail: `Too many drawings at once. ${waitText(error.retryAfterSeconds)}`,
    }),
    'database-unavailable': (error) => ({
        title: 'Database unavailable',
        detail: error.detail || 'Saving is paused until the database is back. Recognition still works.',
    }),
    'unknown-model': (error) => ({
        title: 'Model not available',
        detail: `${error.detail || 'The selected model is not loaded.'} Pick another model in the Model panel.`,
    }),
    'bad-response': (error) => ({title: error.title, detail: error.detail}),
};

/** Returns {title, detail} for any error thrown by the API client (or by a bug in the page). */
export function describeError(error) {
    if (error?.name !== 'ApiError') {
        return {title: 'Something went wrong', detail: String(error?.message ?? error)};
    }
    const friendly = FRIENDLY[error.kind];
    if (friendly) {
        return friendly(error);
    }
    return {title: error.title, detail: error.detail || `The server answered HTTP ${error.status}.`};
}

export const NOT_STORED = {
    title: 'Not saved',
    detail: 'The answer is fine, but the database is unavailable, so this drawing was not saved. '
        + 'History and feedback are paused until it is back.',
};

function waitText(seconds) {
    if (seconds === null || seconds === undefined || seconds <= 1) {
        return 'Please try again in a moment.';
    }
    return `Please try again in ${seconds} s.`;
}
