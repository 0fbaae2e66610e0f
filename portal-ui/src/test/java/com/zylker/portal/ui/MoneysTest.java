package com.zylker.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneysTest {

    private static final Locale INDIA = Locale.forLanguageTag("en-IN");
    private static final String NBSP = "\u00A0";

    @Test
    void theLocalesOwnCurrencyGetsItsSymbol() {
        assertEquals("₹" + NBSP + "45,000.00", Moneys.format(new BigDecimal("45000"), "INR", INDIA));
    }

    @Test
    void aForeignCurrencyGetsItsCodeBecauseSymbolsAreAmbiguous() {
        assertEquals("EUR" + NBSP + "1,200.00", Moneys.format(new BigDecimal("1200"), "EUR", INDIA));
        assertEquals("USD" + NBSP + "1,200.00", Moneys.format(new BigDecimal("1200"), "usd", Locale.forLanguageTag("en-AU")));
    }

    @Test
    void digitsFollowTheLocale() {
        assertEquals("€" + NBSP + "1.200,50", Moneys.format(new BigDecimal("1200.5"), "EUR", Locale.GERMANY));
    }

    @Test
    void fractionDigitsFollowTheCurrency() {
        assertEquals("JPY" + NBSP + "1,201", Moneys.format(new BigDecimal("1200.6"), "JPY", INDIA));
    }

    @Test
    void missingOrUnknownParts() {
        assertEquals("", Moneys.format(null, "INR", INDIA));
        assertEquals("XYZ1" + NBSP + "10.00", Moneys.format(BigDecimal.TEN, "XYZ1", INDIA));
        assertEquals("10.00", Moneys.format(BigDecimal.TEN, null, INDIA));
    }
}
