package com.zylker.sandbox.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Reading Books request parameters and body values; anything malformed is Books' "Invalid value passed for …". */
final class BooksParams {

    private BooksParams() {
    }

    static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw BooksException.invalidValue(name);
            }
            return n;
        } catch (NumberFormatException e) {
            throw BooksException.invalidValue(name);
        }
    }

    static LocalDate dateParam(Map<String, String> q, String name) {
        String v = q.get(name);
        return v == null || v.isBlank() ? null : parseDate(v, name);
    }

    static LocalDate parseDate(String v, String name) {
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw BooksException.invalidValue(name);
        }
    }

    static BigDecimal decimal(Object v, String name) {
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw BooksException.invalidValue(name);
        }
    }

    static String string(Object v) {
        return v == null ? "" : v.toString();
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
