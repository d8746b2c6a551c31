package io.mathsketch.training;

/**
 * Reading the values of command-line options ({@code --epochs 3}), with messages that name the option, for every
 * training command's options record.
 */
public final class OptionValues {

    private OptionValues() {
    }

    public static int integer(String name, String value) {
        long v = longInteger(name, value);
        if (v != (int) v) {
            throw new IllegalArgumentException(name + " is out of range: " + value);
        }
        return (int) v;
    }

    public static long longInteger(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs an integer, not '" + value + "'", e);
        }
    }

    public static float number(String name, String value) {
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + value + "'", e);
        }
    }

    public static double decimal(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + value + "'", e);
        }
    }

    /** Fails with {@code message} (which names the option) unless {@code condition} holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
