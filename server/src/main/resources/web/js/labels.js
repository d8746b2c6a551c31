/**
 * The labels the server's models read and its answers write, in one place for every view.
 */

/** The ten digits in order: the labels of a model digit and number mode may read with, and of the confusion matrix. */
export const DIGITS = Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Labels only a model that reads arithmetic has. */
export const OPERATORS = Object.freeze(['+', '−', '×', '÷', '=']);

/** The symbols an expression is written with, as the server writes them. */
export const EXPRESSION_SYMBOLS = Object.freeze([...DIGITS, ...OPERATORS, '(', ')', '.']);
