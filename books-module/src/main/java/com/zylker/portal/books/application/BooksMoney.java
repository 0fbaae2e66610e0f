package com.zylker.portal.books.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Money as Books rounds it: half-up to the currency's minor unit (two digits for USD and EUR, none for JPY),
 * per line before lines are added. BigDecimal only; a double never holds an amount.
 */
public final class BooksMoney {

    private BooksMoney() {
    }

    public static int digits(String currencyCode) {
        try {
            int d = Currency.getInstance(currencyCode == null ? "" : currencyCode.trim().toUpperCase(Locale.ROOT))
                    .getDefaultFractionDigits();
            return d < 0 ? 2 : d;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    public static BigDecimal round(BigDecimal amount, String currencyCode) {
        return amount == null ? null : amount.setScale(digits(currencyCode), RoundingMode.HALF_UP);
    }

    /** quantity × rate, rounded like a Books line. */
    public static BigDecimal line(BigDecimal quantity, BigDecimal rate, String currencyCode) {
        if (quantity == null || rate == null) {
            return round(BigDecimal.ZERO, currencyCode);
        }
        return round(quantity.multiply(rate), currencyCode);
    }
}
