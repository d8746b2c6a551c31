/**
 * Handwritten arithmetic after recognition: the symbols a model reads ({@link io.mathsketch.engine.expression.Symbol}),
 * a small precedence parser over them and exact rational arithmetic. No script engine and no floating point: the
 * value of {@code 1 ÷ 3 × 3} is exactly 1. Nothing here imports another engine package.
 */
package io.mathsketch.engine.expression;
