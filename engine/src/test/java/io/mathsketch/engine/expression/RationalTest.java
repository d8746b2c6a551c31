package io.mathsketch.engine.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void keepsLowestTermsWithAPositiveDenominator() {
        assertEquals(Rational.of(-1, 2), Rational.of(2, -4));
        assertEquals("-1/2", Rational.of(2, -4).toString());
        assertEquals(Rational.ZERO, Rational.of(0, 7));
        assertTrue(Rational.of(6, 3).isInteger());
    }

    @Test
    void arithmeticIsExact() {
        Rational third = Rational.of(1, 3);
        assertEquals(Rational.ONE, third.plus(third).plus(third));
        assertEquals(Rational.ONE, third.times(Rational.of(3)));
        assertEquals(Rational.of(3, 10), Rational.of(new BigDecimal("0.1")).plus(Rational.of(new BigDecimal("0.2"))));
        assertThrows(ArithmeticException.class, () -> Rational.ONE.dividedBy(Rational.ZERO));
    }

    @Test
    void decimalsAreExactWhenFiniteAndRoundedOtherwise() {
        assertEquals("0.375", Rational.of(3, 8).toDecimal(12));
        assertTrue(Rational.of(3, 8).hasFiniteDecimal());
        assertFalse(Rational.of(1, 3).hasFiniteDecimal());
        assertEquals("0.333333333333", Rational.of(1, 3).toDecimal(12));
        assertEquals("-0.6666666667", Rational.of(-2, 3).toDecimal(10));
        assertEquals("100", Rational.of(100).toDecimal(2));
        assertEquals("0", Rational.ZERO.toDecimal(5));
    }
}
