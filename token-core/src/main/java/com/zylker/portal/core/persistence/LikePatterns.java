package com.zylker.portal.core.persistence;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.Locale;

/**
 * "Contains this text, ignoring case" for the admin screens' search boxes, as a bound LIKE parameter whose
 * wildcards are escaped: {@code priya_raman} finds {@code priya_raman@…} and only that, {@code 100%} is the
 * text "100%". The escape character is {@value #ESCAPE}, the same on H2, MySQL and MariaDB.
 */
public final class LikePatterns {

    public static final char ESCAPE = '!';
    private static final int MAX_LENGTH = 100;

    private LikePatterns() {
    }

    /** {@code %text%}, lower case, at most 100 characters of the text, {@code ! % _} escaped with {@code !}. */
    public static String containing(String text) {
        String cut = text.strip().toLowerCase(Locale.ROOT);
        cut = cut.length() > MAX_LENGTH ? cut.substring(0, MAX_LENGTH) : cut;
        StringBuilder pattern = new StringBuilder(cut.length() + 8).append('%');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** {@code lower(field) LIKE pattern ESCAPE '!'}, the pattern from {@link #containing}. */
    public static Predicate contains(CriteriaBuilder cb, Expression<String> field, String text) {
        return cb.like(cb.lower(field), containing(text), ESCAPE);
    }
}
