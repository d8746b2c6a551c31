package io.mathsketch.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number in lowest terms with a positive denominator. Arithmetic never rounds; only
 * {@link #toDecimal} does, when asked for a decimal of a number that has no finite one.
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    public Rational {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Rational of(long value) {
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The exact value of a decimal literal such as {@code 2.75}. */
    public static Rational of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale >= 0
                ? new Rational(unscaled, BigInteger.TEN.pow(scale))
                : new Rational(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    public Rational plus(Rational other) {
        return new Rational(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational minus(Rational other) {
        return plus(other.negate());
    }

    public Rational times(Rational other) {
        return new Rational(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** This divided by {@code other}; {@link ArithmeticException} when {@code other} is zero. */
    public Rational dividedBy(Rational other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return new Rational(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public Rational negate() {
        return new Rational(numerator.negate(), denominator);
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** The larger of the bit lengths of numerator and denominator: how big the number is to hold. */
    public int bitLength() {
        return Math.max(numerator.bitLength(), denominator.bitLength());
    }

    /** True when the decimal expansion ends (the denominator has no prime factors but 2 and 5). */
    public boolean hasFiniteDecimal() {
        BigInteger d = denominator;
        int twos = d.getLowestSetBit();
        d = d.shiftRight(twos);
        BigInteger five = BigInteger.valueOf(5);
        while (d.mod(five).signum() == 0) {
            d = d.divide(five);
        }
        return d.equals(BigInteger.ONE);
    }

    /**
     * The value as a decimal: exact when it has a finite expansion, otherwise rounded half-even to
     * {@code significantDigits}. Plain notation, no exponent, no trailing zeros.
     */
    public String toDecimal(int significantDigits) {
        BigDecimal n = new BigDecimal(numerator), d = new BigDecimal(denominator);
        BigDecimal value = hasFiniteDecimal()
                ? n.divide(d)
                : n.divide(d, new MathContext(significantDigits, RoundingMode.HALF_EVEN));
        value = value.stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }

    @Override
    public int compareTo(Rational other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** {@code 7}, {@code -1/3}. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
