/**
 * Deterministic input corpora for measuring recognition on inputs the engine was not designed around. Every
 * generator takes a seed and a configuration; held-out test sets use other configurations than training.
 */
package io.mathsketch.corpus;
