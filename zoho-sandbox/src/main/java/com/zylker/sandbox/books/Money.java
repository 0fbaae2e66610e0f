package com.zylker.sandbox.books;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Books money: BigDecimal, two decimals, half-up — never doubles, so totals add up to the cent. */
final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    static BigDecimal of(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return round(new BigDecimal(value.toString().trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
