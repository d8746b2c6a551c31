package io.mathsketch.server.problem;

/**
 * Makes client input safe to quote in a problem's {@code detail}: bounded (a 2 MB label is answered with its first
 * {@value #ECHO} characters, not echoed whole) and printable (control, formatting such as bidi overrides,
 * unassigned and lone surrogate characters are written as a backslash, {@code u} and four hex digits, so a binary
 * body's bytes or a terminal escape never reach a log or a screen raw).
 */
public final class ProblemText {

    /** Characters of one echoed value at the most. */
    public static final int ECHO = 64;
    /** Characters of a whole detail at the most (the last guard, for messages that quote text of their own). */
    static final int DETAIL = 1024;

    private ProblemText() {
    }

    /** {@code value} as a detail may quote it: at most {@value #ECHO} characters and an ellipsis, printable. */
    public static String echo(String value) {
        return printable(value, ECHO);
    }

    /** {@code text} with every non-printable character escaped, cut after {@code max} characters with an ellipsis. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int i = 0;
        while (i < text.length()) {
            if (i >= max) {
                return out.append('…').toString();
            }
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (hidden) {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format("\\u%04x", (int) unit));
                }
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
