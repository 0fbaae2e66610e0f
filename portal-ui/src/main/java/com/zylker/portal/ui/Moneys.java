package com.zylker.portal.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount with its currency, the way the reader's locale writes numbers: the local symbol for the locale's
 * own currency ({@code ₹ 45,000.00} for INR in en-IN), the ISO code for any other ({@code EUR 1,200.00}),
 * because a symbol such as "$" or "kr" names several currencies and invoices here mix them.
 *
 * <pre>{@code
 * Moneys.format(new BigDecimal("45000"), "INR", Locale.forLanguageTag("en-IN"));   // "₹ 45,000.00"
 * Moneys.format(new BigDecimal("1200"), "EUR", Locale.forLanguageTag("en-IN"));    // "EUR 1,200.00"
 * }</pre>
 */
public final class Moneys {

    /** Between symbol and number, so that the two never break apart. */
    private static final char NO_BREAK_SPACE = '\u00A0';

    private Moneys() {
    }

    /** Empty for a missing amount; the amount alone for a missing or unknown currency code. */
    public static String format(BigDecimal amount, String currencyCode, Locale locale) {
        if (amount == null) {
            return "";
        }
        Currency currency = currency(currencyCode);
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        if (number instanceof DecimalFormat decimal) {
            decimal.setRoundingMode(RoundingMode.HALF_EVEN);
        }
        int digits = currency == null || currency.getDefaultFractionDigits() < 0 ? 2 : currency.getDefaultFractionDigits();
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        number.setGroupingUsed(true);
        String figures = number.format(amount);
        if (currency == null) {
            return currencyCode == null || currencyCode.isBlank() ? figures : currencyCode.trim() + NO_BREAK_SPACE + figures;
        }
        return label(currency, locale) + NO_BREAK_SPACE + figures;
    }

    private static String label(Currency currency, Locale locale) {
        if (!locale.getCountry().isEmpty()) {
            try {
                if (currency.equals(Currency.getInstance(locale))) {
                    return currency.getSymbol(locale);
                }
            } catch (IllegalArgumentException e) {
                // A country without a currency of its own: the code, as for any foreign currency.
            }
        }
        return currency.getCurrencyCode();
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
