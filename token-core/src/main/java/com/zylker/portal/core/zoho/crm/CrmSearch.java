package com.zylker.portal.core.zoho.crm;

import java.util.Objects;

/**
 * What {@code GET /{module}/search} looks for: one of {@code criteria}, {@code email} or {@code word}.
 * {@link #fieldEquals} builds a criteria condition with CRM's escaping, so user input cannot change the
 * criteria's shape.
 *
 * <pre>{@code
 * CrmSearch s = CrmSearch.criteria("(" + CrmSearch.fieldEquals("Lead_Status", status) + ")");
 * }</pre>
 */
public record CrmSearch(String criteria, String email, String word) {

    static final int MAX_LENGTH = 1000;

    public CrmSearch {
        int given = (criteria == null ? 0 : 1) + (email == null ? 0 : 1) + (word == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("exactly one of criteria, email and word is required");
        }
        String value = criteria != null ? criteria : email != null ? email : word;
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("search text must be 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static CrmSearch criteria(String criteria) {
        return new CrmSearch(criteria, null, null);
    }

    public static CrmSearch email(String email) {
        return new CrmSearch(null, email, null);
    }

    public static CrmSearch word(String word) {
        return new CrmSearch(null, null, word);
    }

    /** {@code Field:equals:value} with {@code ( ) , \} escaped in the value. */
    public static String fieldEquals(String apiName, String value) {
        Objects.requireNonNull(value, "value");
        if (apiName == null || !apiName.matches("[A-Za-z0-9_.]{1,100}")) {
            throw new IllegalArgumentException("not a CRM field name");
        }
        return apiName + ":equals:" + escape(value);
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace(",", "\\,");
    }
}
