package io.mathsketch.corpus.numbers;

/** What makes a written number hard to take apart; the quality test reports each kind on its own. */
public enum NumberKind {
    /** Digits apart from each other, gaps of a fifth to a half of the digit height. */
    CLEAN,
    /** As clean, but one or two digits (mostly 4, 5 and 7) have a gap inside a stroke: two pieces of ink. */
    BROKEN,
    /** At least one pair of neighbours whose ink touches or overlaps. */
    TOUCHING,
    /** Gaps from almost nothing to most of a digit's width, with sizes and baselines varying more. */
    UNEVEN_GAPS
}
